import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'

export interface Problem {
  path: string
  error: string
}

/**
 * Files in the originals folder that could not be read, and why (a file that becomes readable leaves at the next
 * index).
 */
export async function listProblems(db: Kysely<DB>): Promise<Problem[]> {
  const rows = await db
    .selectFrom('photos')
    .select(['path', 'error'])
    .where('error', 'is not', null)
    .where('missing', '=', 0)
    .orderBy('path')
    .execute()
  return rows.map(r => ({ path: r.path, error: r.error ?? '' }))
}

export async function countProblems(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('photos')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('error', 'is not', null)
    .where('missing', '=', 0)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
