/** Browser-playable copies being made after indexing: how many there are to make, and how far. */
export interface RenditionProgress {
  running: boolean
  done: number
  total: number
  failed: number
}

/** Whether an indexing run is going on, for /healthz and the owner's Rescan. */
export class IndexState {
  running = false
  lastError: string | null = null
  renditions: RenditionProgress = { running: false, done: 0, total: 0, failed: 0 }

  async track<T>(work: () => Promise<T>): Promise<T | undefined> {
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
