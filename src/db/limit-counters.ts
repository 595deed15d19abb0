import type { Kysely } from 'kysely'
import type { DB } from './schema.ts'
import { uncountedWrites } from './read-cache.ts'

export interface Hits {
  count: number
  /** When the count starts again at 1. */
  windowEndsMs: number
  lastMs: number
}

/** Ended windows are deleted every this many hits counted by this process. */
const PRUNE_EVERY = 256
let hitsSincePrune = 0

/**
 * Counts one hit on `key` in the shared table and returns the count, in one
 * statement, so instances counting at the same time never lose a hit. A
 * window that has ended starts again at 1. A fixed window ends `windowMs`
 * after its first hit; a sliding one `windowMs` after its latest. These
 * writes leave the change version alone (no cache reads them).
 */
export async function countHit(
  db: Kysely<DB>,
  key: string,
  nowMs: number,
  windowMs: number,
  sliding = false
): Promise<Hits> {
  const plain = uncountedWrites(db)
  if (++hitsSincePrune >= PRUNE_EVERY) {
    hitsSincePrune = 0
    await plain.deleteFrom('limit_counters').where('window_ends_ms', '<=', nowMs).execute()
  }
  const row = await plain
    .insertInto('limit_counters')
    .values({ key, count: 1, window_ends_ms: nowMs + windowMs, last_ms: nowMs })
    .onConflict(oc =>
      oc.column('key').doUpdateSet(eb => {
        const ended = eb('limit_counters.window_ends_ms', '<=', nowMs)
        return {
          count: eb
            .case()
            .when(ended)
            .then(eb.lit(1))
            .else(eb('limit_counters.count', '+', eb.lit(1)))
            .end(),
          window_ends_ms: sliding
            ? eb.ref('excluded.window_ends_ms')
            : eb
                .case()
                .when(ended)
                .then(eb.ref('excluded.window_ends_ms'))
                .else(eb.ref('limit_counters.window_ends_ms'))
                .end(),
          last_ms: eb.ref('excluded.last_ms')
        }
      })
    )
    .returning(['count', 'window_ends_ms', 'last_ms'])
    .executeTakeFirstOrThrow()
  return { count: row.count, windowEndsMs: row.window_ends_ms, lastMs: row.last_ms }
}

/** The hits counted on `key` in its current window; none when it has ended. */
export async function hitsOf(db: Kysely<DB>, key: string, nowMs: number): Promise<Hits | undefined> {
  const row = await db
    .selectFrom('limit_counters')
    .select(['count', 'window_ends_ms', 'last_ms'])
    .where('key', '=', key)
    .where('window_ends_ms', '>', nowMs)
    .executeTakeFirst()
  return row && { count: row.count, windowEndsMs: row.window_ends_ms, lastMs: row.last_ms }
}

export async function forgetHits(db: Kysely<DB>, key: string): Promise<void> {
  await uncountedWrites(db).deleteFrom('limit_counters').where('key', '=', key).execute()
}
