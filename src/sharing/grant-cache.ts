import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { ReadCache } from '../db/read-cache.ts'
import { linkIsExpired, resolveGrant, type Grant } from './grants.ts'

export type GrantRequest = Parameters<typeof resolveGrant>[1]

/**
 * resolveGrant, with what it found kept until the data changes: deleting or
 * editing a link, ending a session or hiding a photo is a write, so each
 * still ends access at the next request. Time passing writes nothing, so a
 * kept grant's expiry is checked against the clock on every use. Misses are
 * not kept (random tokens would only push grants out), nor are grants of a
 * link with a visit limit: whether it admits this session is counted without
 * moving the change version, so it is read afresh each time.
 */
export function cachedGrants(
  db: Kysely<DB>,
  size = 10_000
): (request: GrantRequest, now: Date) => Promise<Grant | undefined> {
  const cache = new ReadCache<Grant | undefined>(db, size)
  return async (request, now) => {
    const key = `${request.token}|${request.ref}|${request.sid ?? ''}`
    const grant = await cache.get(
      key,
      async () => await resolveGrant(db, request, now),
      found => found !== undefined && found.link.maxVisits === null
    )
    return grant && !linkIsExpired({ expires_at: grant.link.expiresAt }, now) ? grant : undefined
  }
}
