import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { VISITOR_SESSION_SECONDS } from './visitor-session.ts'

/**
 * The power icon: the session id is kept as ended until its cookie would
 * have expired, and rows past that are cleaned up on the way.
 */
export async function endVisitorSession(db: Kysely<DB>, sid: string, issuedAt: number, now: Date): Promise<void> {
  const expiresAt = new Date(issuedAt + VISITOR_SESSION_SECONDS * 1000).toISOString()
  await db
    .insertInto('ended_visitor_sessions')
    .values({ id: sid, expires_at: expiresAt })
    .onConflict(oc => oc.column('id').doNothing())
    .execute()
  await db.deleteFrom('ended_visitor_sessions').where('expires_at', '<=', now.toISOString()).execute()
}

export async function isVisitorSessionEnded(db: Kysely<DB>, sid: string | undefined): Promise<boolean> {
  if (sid === undefined) return false
  return (
    (await db.selectFrom('ended_visitor_sessions').select('id').where('id', '=', sid).executeTakeFirst()) !== undefined
  )
}
