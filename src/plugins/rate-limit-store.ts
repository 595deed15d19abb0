import type { Kysely } from 'kysely'
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { DB } from '../db/schema.ts'
import { countHit } from '../db/limit-counters.ts'

/**
 * A store for @fastify/rate-limit that counts in the database's limit
 * counters, so a per-route limit (sign-in: 10 a minute per client) holds
 * for all instances together rather than for each. One key per route.
 */
export function databaseRateLimitStore(db: Kysely<DB>, clock: () => number): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    // The plugin passes its options first; the store needs none of them.
    constructor(
      _options: unknown,
      private readonly route = '*'
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number
    ): void {
      const now = clock()
      countHit(db, `rate:${this.route}:${key}`, now, timeWindow).then(
        hits => {
          callback(null, { current: hits.count, ttl: hits.windowEndsMs - now })
        },
        (err: Error) => {
          callback(err)
        }
      )
    }

    child(routeOptions: { method?: unknown; url?: string }): FastifyRateLimitStore {
      return new DatabaseStore(null, `${String(routeOptions.method)} ${routeOptions.url}`)
    }
  }
  return DatabaseStore
}
