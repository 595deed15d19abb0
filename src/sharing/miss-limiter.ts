/**
 * Counts failed token look-ups per client key (see plugins/client-key.ts) in
 * a fixed window. Only misses count, so people using a real link are never
 * slowed; guessing a short owner-chosen secret becomes slow.
 */
export class MissLimiter {
  private readonly misses = new Map<string, { count: number; resetAt: number }>()

  constructor(
    readonly max = 10,
    readonly windowMs = 60_000,
    private readonly clock: () => number = Date.now,
    private readonly maxClients = 10_000
  ) {}

  blocked(client: string): boolean {
    const entry = this.misses.get(client)
    return entry !== undefined && entry.resetAt > this.clock() && entry.count >= this.max
  }

  record(client: string): void {
    const now = this.clock()
    if (this.misses.size >= this.maxClients) this.prune(now)
    const entry = this.misses.get(client)
    if (!entry || entry.resetAt <= now) this.misses.set(client, { count: 1, resetAt: now + this.windowMs })
    else entry.count++
  }

  /** Drops finished windows; under a flood of clients, the oldest windows too, so memory stays bounded. */
  private prune(now: number): void {
    for (const [client, entry] of this.misses) if (entry.resetAt <= now) this.misses.delete(client)
    for (const client of this.misses.keys()) {
      if (this.misses.size < this.maxClients) break
      this.misses.delete(client)
    }
  }
}
