/** Called once when the work that entered a gate is done; calling it again does nothing. */
export type Leave = () => void

/**
 * At most `size` at once, and at most `perKey` for one key (a client). Who
 * finds it full is refused at once instead of queued: waiting requests would
 * hold their sockets and memory just the same.
 */
export class Gate {
  private used = 0
  private readonly byKey = new Map<string, number>()

  constructor(
    readonly size: number,
    readonly perKey = size
  ) {}

  tryEnter(key = ''): Leave | null {
    const mine = this.byKey.get(key) ?? 0
    if (this.used >= this.size || mine >= this.perKey) return null
    this.used++
    this.byKey.set(key, mine + 1)
    let left = false
    return () => {
      if (left) return
      left = true
      this.used--
      const remaining = (this.byKey.get(key) ?? 1) - 1
      if (remaining > 0) this.byKey.set(key, remaining)
      else this.byKey.delete(key)
    }
  }

  get inUse(): number {
    return this.used
  }
}
