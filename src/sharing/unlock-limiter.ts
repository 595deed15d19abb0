const HOUR_MS = 3600_000

/** Wrong tries on one link within an hour, from all clients together, past which the log warns. */
export const WARN_WRONG_TRIES_PER_HOUR = 100

interface ClientEntry {
  failures: number
  until: number
  last: number
}
interface LinkEntry {
  count: number
  since: number
  warned: boolean
}

/**
 * Wrong link passwords, counted per client and link only: however many
 * clients guess, a client with the right password is never locked out.
 * After `free` wrong tries the client waits 1 s before the next, and every
 * further wrong try doubles the wait (2 s, 4 s … up to `maxWaitMs`). A client's count is forgotten after an hour
 * without a wrong
 * try, or at its first right one.
 */
export class UnlockLimiter {
  private readonly clients = new Map<string, ClientEntry>()
  private readonly links = new Map<number, LinkEntry>()

  constructor(
    private readonly clock: () => number = Date.now,
    readonly free = 5,
    readonly maxWaitMs = 15 * 60_000,
    private readonly maxEntries = 10_000
  ) {}

  /** Milliseconds this client must wait before it may try this link again; 0 when it may. */
  waitMs(client: string, linkId: number): number {
    const entry = this.clients.get(`${client}|${linkId}`)
    return entry ? Math.max(0, entry.until - this.clock()) : 0
  }

  /** Counts a wrong try; true when the link has just passed WARN_WRONG_TRIES_PER_HOUR this hour (warn once). */
  recordFailure(client: string, linkId: number): boolean {
    const now = this.clock()
    this.prune(now)
    const key = `${client}|${linkId}`
    const known = this.clients.get(key)
    const entry = known && now - known.last < HOUR_MS ? known : { failures: 0, until: 0, last: now }
    entry.failures++
    entry.last = now
    const over = entry.failures - this.free
    entry.until = over >= 0 ? now + Math.min(this.maxWaitMs, 1000 * 2 ** over) : 0
    this.clients.set(key, entry)

    const link = this.links.get(linkId)
    const window = link && now - link.since < HOUR_MS ? link : { count: 0, since: now, warned: false }
    window.count++
    this.links.set(linkId, window)
    if (window.count > WARN_WRONG_TRIES_PER_HOUR && !window.warned) {
      window.warned = true
      return true
    }
    return false
  }

  recordSuccess(client: string, linkId: number): void {
    this.clients.delete(`${client}|${linkId}`)
  }

  /** Forgets quiet clients; under a flood, the oldest entries too, so memory stays bounded. */
  private prune(now: number): void {
    if (this.clients.size < this.maxEntries && this.links.size < this.maxEntries) return
    for (const [key, entry] of this.clients) {
      if (now - entry.last >= HOUR_MS && entry.until <= now) this.clients.delete(key)
    }
    for (const key of this.clients.keys()) {
      if (this.clients.size < this.maxEntries) break
      this.clients.delete(key)
    }
    for (const [id, entry] of this.links) if (now - entry.since >= HOUR_MS) this.links.delete(id)
    for (const id of this.links.keys()) {
      if (this.links.size < this.maxEntries) break
      this.links.delete(id)
    }
  }
}
