import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { uncountedWrites } from '../db/read-cache.ts'
import { isPostgres } from '../../migrations/dialect.ts'

/** Work that one instance at a time does for the whole library. */
export type LibraryJob = 'index' | 'renditions'

/** A holder beats this often; a row whose beat is older than STALE_MS belongs to a stopped instance. */
export const HEARTBEAT_MS = 10_000
export const STALE_MS = 60_000

/** PostgreSQL advisory lock keys: one space for albumlink, one number per job. */
const LOCK_SPACE = 0x616c626d // "albm"
const LOCK_OF: Record<LibraryJob, number> = { index: 1, renditions: 2 }

/**
 * Runs `work` when no instance on this database runs `job`, else returns
 * undefined at once. On PostgreSQL the lock is an advisory lock held by one
 * pinned connection for the run (it ends with the connection, even when the
 * process dies); on SQLite it is the job's row, taken over when its holder
 * has stopped beating. Either way the row says who runs what, for /healthz
 * on every instance.
 */
export async function withJobLock<T>(db: Kysely<DB>, job: LibraryJob, work: () => Promise<T>): Promise<T | undefined> {
  if (!isPostgres(db)) return await holdingRow(db, job, false, work)
  return await db.connection().execute(async connection => {
    const { rows } = await sql<{
      locked: boolean
    }>`select pg_try_advisory_lock(${LOCK_SPACE}, ${LOCK_OF[job]}) as locked`.execute(connection)
    if (!rows[0]?.locked) return undefined
    try {
      // The advisory lock makes this instance the only holder: a row left by a stopped one is simply replaced.
      return await holdingRow(db, job, true, work)
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_SPACE}, ${LOCK_OF[job]})`.execute(connection)
    }
  })
}

async function holdingRow<T>(
  db: Kysely<DB>,
  job: LibraryJob,
  replace: boolean,
  work: () => Promise<T>
): Promise<T | undefined> {
  const rows = uncountedWrites(db)
  const holder = randomUUID()
  const now = Date.now()
  const claimed = await rows
    .insertInto('index_runs')
    .values({ job, holder, started_ms: now, heartbeat_ms: now })
    .onConflict(oc => {
      const update = oc.column('job').doUpdateSet(eb => ({
        holder: eb.ref('excluded.holder'),
        started_ms: eb.ref('excluded.started_ms'),
        heartbeat_ms: eb.ref('excluded.heartbeat_ms')
      }))
      return replace ? update : update.where('index_runs.heartbeat_ms', '<', now - STALE_MS)
    })
    .returning('holder')
    .executeTakeFirst()
  if (claimed?.holder !== holder) return undefined
  const mine = rows.updateTable('index_runs').where('job', '=', job).where('holder', '=', holder)
  const beat = setInterval(() => {
    mine
      .set({ heartbeat_ms: Date.now() })
      .execute()
      .catch(() => {}) // a missed beat only makes the row look stale sooner
  }, HEARTBEAT_MS)
  beat.unref()
  try {
    return await work()
  } finally {
    clearInterval(beat)
    await rows.deleteFrom('index_runs').where('job', '=', job).where('holder', '=', holder).execute()
  }
}

/** The jobs some instance is running now. */
export async function runningJobs(db: Kysely<DB>): Promise<LibraryJob[]> {
  const rows = await db
    .selectFrom('index_runs')
    .select('job')
    .where('heartbeat_ms', '>=', Date.now() - STALE_MS)
    .execute()
  return rows.map(r => r.job as LibraryJob)
}
