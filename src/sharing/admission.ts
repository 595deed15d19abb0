import type { Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import type { DB } from '../db/schema.ts'
import { uncountedWrites } from '../db/read-cache.ts'

export interface Admission {
  linkIds: number[]
  sid: string
  sessionExpiresAt: Date
  now: Date
}

/**
 * Counts the visitor session once on each link it is new to, while the
 * link has room under its limit: one visit, the last visit's time, and a
 * row that remembers the session until its cookie would expire (rows past
 * that are cleaned up on the way). One transaction, so two requests of one
 * browser cannot count it twice, nor two browsers take the last place.
 * Written without moving the data version: counting a visit must not
 * throw away the rendered pages every visitor shares.
 * Returns the links that have counted the session, before or now.
 */
export async function admitVisitor(
  db: Kysely<DB>,
  { linkIds, sid, sessionExpiresAt, now }: Admission
): Promise<Set<number>> {
  const seen = admissionsOf(db)
  const unseen = linkIds.filter(id => !seen.has(`${id}|${sid}`))
  if (unseen.length === 0) return new Set(linkIds)
  const admitted = await admitInDatabase(db, { linkIds: unseen, sid, sessionExpiresAt, now })
  for (const id of admitted) seen.set(`${id}|${sid}`, true)
  return new Set(linkIds.filter(id => seen.has(`${id}|${sid}`)))
}

const admissions = new WeakMap<Kysely<DB>, LRUCache<string, true>>()

/**
 * Admissions this process has seen (link|session): a session stays counted,
 * so its later pages need no transaction, even where the grant it came with
 * was kept from before it was counted (the grant cache).
 */
function admissionsOf(db: Kysely<DB>): LRUCache<string, true> {
  let seen = admissions.get(db)
  if (!seen) {
    seen = new LRUCache({ max: 50_000 })
    admissions.set(db, seen)
  }
  return seen
}

async function admitInDatabase(
  db: Kysely<DB>,
  { linkIds, sid, sessionExpiresAt, now }: Admission
): Promise<Set<number>> {
  const at = now.toISOString()
  return await uncountedWrites(db)
    .transaction()
    .execute(async trx => {
      const known = (
        await trx
          .selectFrom('link_visitors')
          .select('link_id')
          .where('sid', '=', sid)
          .where('link_id', 'in', linkIds)
          .execute()
      ).map(r => r.link_id)
      const fresh = linkIds.filter(id => !known.includes(id))
      if (fresh.length === 0) return new Set(known)
      // Claim the session's place first: of two requests of one browser, one inserts and the other waits and skips.
      const claimed = (
        await trx
          .insertInto('link_visitors')
          .values(fresh.map(id => ({ link_id: id, sid, expires_at: sessionExpiresAt.toISOString() })))
          .onConflict(oc => oc.columns(['link_id', 'sid']).doNothing())
          .returning('link_id')
          .execute()
      ).map(r => r.link_id)
      // The room check is part of the update, so two browsers cannot both take the last place on any database.
      const roomy =
        claimed.length === 0
          ? []
          : (
              await trx
                .updateTable('links')
                .where('id', 'in', claimed)
                .where(eb => eb.or([eb('max_visits', 'is', null), eb('views', '<', eb.ref('max_visits'))]))
                .set(eb => ({ views: eb('views', '+', 1), last_visit_at: at }))
                .returning('id')
                .execute()
            ).map(r => r.id)
      const full = claimed.filter(id => !roomy.includes(id))
      if (full.length > 0) {
        await trx.deleteFrom('link_visitors').where('sid', '=', sid).where('link_id', 'in', full).execute()
      }
      if (roomy.length > 0) await trx.deleteFrom('link_visitors').where('expires_at', '<=', at).execute()
      // A conflict means another request of this session counted it a moment ago.
      const countedMeanwhile = fresh.filter(id => !claimed.includes(id))
      return new Set([...known, ...countedMeanwhile, ...roomy])
    })
}
