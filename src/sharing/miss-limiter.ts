import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { countHit } from '../db/limit-counters.ts'

/**
 * Counts failed token look-ups per client key (see plugins/client-key.ts) in
 * a fixed window. Only misses count, so people using a real link are never
 * slowed; guessing a short owner-chosen secret becomes slow. The count is
 * kept in the database, so every instance adds to the same one; whether a
 * client is blocked is remembered in memory from the counts this instance
 * saw, so a hit costs no round trip. With N instances a client gets at most
 * `max + N - 1` misses in a window: each instance blocks at its next miss.
 */
export class MissLimiter {
  private readonly blockedUntil = new Map<string, number>()

  constructor(
    private readonly db: Kysely<DB>,
    readonly max = 10,
    readonly windowMs = 60_000,
    private readonly clock: () => number = Date.now,
    private readonly maxClients = 10_000
  ) {}

  blocked(client: string): boolean {
    const until = this.blockedUntil.get(client)
    if (until === undefined) return false
    if (until > this.clock()) return true
    this.blockedUntil.delete(client)
    return false
  }

  async record(client: string): Promise<void> {
    const now = this.clock()
    const hits = await countHit(this.db, `miss:${client}`, now, this.windowMs)
    if (hits.count < this.max) return
    if (this.blockedUntil.size >= this.maxClients) this.prune(now)
    this.blockedUntil.set(client, hits.windowEndsMs)
  }

  /** Drops lifted blocks; under a flood of clients, the oldest too, so memory stays bounded. */
  private prune(now: number): void {
    for (const [client, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(client)
    for (const client of this.blockedUntil.keys()) {
      if (this.blockedUntil.size < this.maxClients) break
      this.blockedUntil.delete(client)
    }
  }
}
