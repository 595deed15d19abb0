/** Whether an indexing run is going on, for /healthz and the owner's Rescan. */
export class IndexState {
  running = false
  lastError: string | null = null

  async track<T> (work: () => Promise<T>): Promise<T | undefined> {
    if (this.running) return undefined
    this.running = true
    try {
      return await work()
    } catch (err) {
      this.lastError = (err as Error).message
      throw err
    } finally {
      this.running = false
    }
  }
}
