import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { countHit, forgetHits, hitsOf } from '../db/limit-counters.ts'

const HOUR_MS = 3600_000

/** Wrong tries on one link within an hour, from all clients together, past which the log warns. */
export const WARN_WRONG_TRIES_PER_HOUR = 100

/**
 * Wrong link passwords, counted per client and link only: however many
 * clients guess, a client with the right password is never locked out.
 * After `free` wrong tries the client waits 1 s before the next, and every
 * further wrong try doubles the wait (2 s, 4 s … up to `maxWaitMs`). A
 * client's count is forgotten after an hour without a wrong try, or at its
 * first right one. Counts live in the database, so every instance sees the
 * same wait.
 */
export class UnlockLimiter {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => number = Date.now,
    readonly free = 5,
    readonly maxWaitMs = 15 * 60_000
  ) {}

  /** Milliseconds this client must wait before it may try this link again; 0 when it may. */
  async waitMs(client: string, linkId: number): Promise<number> {
    const now = this.clock()
    const hits = await hitsOf(this.db, clientKey(client, linkId), now)
    return hits ? Math.max(0, hits.lastMs + this.waitAfter(hits.count) - now) : 0
  }

  /** Counts a wrong try; true when the link has just passed WARN_WRONG_TRIES_PER_HOUR this hour (warn once). */
  async recordFailure(client: string, linkId: number): Promise<boolean> {
    const now = this.clock()
    await countHit(this.db, clientKey(client, linkId), now, HOUR_MS, true)
    const link = await countHit(this.db, `unlock-link:${linkId}`, now, HOUR_MS)
    return link.count === WARN_WRONG_TRIES_PER_HOUR + 1
  }

  async recordSuccess(client: string, linkId: number): Promise<void> {
    await forgetHits(this.db, clientKey(client, linkId))
  }

  private waitAfter(failures: number): number {
    const over = failures - this.free
    return over >= 0 ? Math.min(this.maxWaitMs, 1000 * 2 ** over) : 0
  }
}

const clientKey = (client: string, linkId: number): string => `unlock:${linkId}:${client}`
