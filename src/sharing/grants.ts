import type { Kysely } from 'kysely'
import type { Album, DB, Link } from '../db/schema.ts'
import { preparedQuery } from '../db/prepared.ts'

export type SharedAlbum = Album & {
  link_id: number
  link_expires_at: string | null
  /** scrypt hash when the link has a password (checked on unlock, never rendered). */
  link_password_hash: string | null
  link_password_version: number
  link_allow_downloads: number
}

const LINK_COLUMNS = [
  'links.id as link_id', 'links.expires_at as link_expires_at', 'links.password_hash as link_password_hash',
  'links.password_version as link_password_version', 'links.allow_downloads as link_allow_downloads'
] as const

const isLive = (expiresAt: string | null, now: Date): boolean => expiresAt === null || expiresAt > now.toISOString()

/** Every album a token shares right now; empty when the token is unknown, expired or deleted. */
export async function albumsOfToken (db: Kysely<DB>, token: string, now: Date): Promise<SharedAlbum[]> {
  const rows = await db.selectFrom('links').innerJoin('albums', 'albums.id', 'links.album_id')
    .selectAll('albums').select(LINK_COLUMNS)
    .where('links.token', '=', token)
    .where(eb => eb.or([eb('links.expires_at', 'is', null), eb('links.expires_at', '>', now.toISOString())]))
    .orderBy('albums.title').execute()
  return rows
}

export interface Grant {
  album: SharedAlbum
  /** The visitor session in the request was ended with the power icon: it must count as empty. */
  sessionEnded: boolean
}

/**
 * The album `ref` (slug or uid) if this token shares it now, else undefined.
 * Checked on every visitor request, pages and bytes alike; whether the
 * visitor's session was ended comes back in the same round trip.
 */
export async function resolveGrant (db: Kysely<DB>, request: { token: string, ref: string, sid?: string }, now: Date): Promise<Grant | undefined> {
  const rows = await grantQuery(db, { token: request.token, ref: request.ref, sid: request.sid ?? '' })
  const row = rows.find(r => isLive(r.link_expires_at, now))
  if (!row) return undefined
  const { session_ended: ended, ...album } = row
  return { album, sessionEnded: Boolean(ended) }
}

const grantQuery = preparedQuery(['token', 'ref', 'sid'], (db, v) => db.selectFrom('links').innerJoin('albums', 'albums.id', 'links.album_id')
  .selectAll('albums').select(LINK_COLUMNS)
  .select(eb => eb.exists(eb.selectFrom('ended_visitor_sessions').select('id').where('id', '=', v.sid)).as('session_ended'))
  .where('links.token', '=', v.token)
  .where(eb => eb.or([eb('albums.uid', '=', v.ref), eb('albums.slug', '=', v.ref)]))
  .orderBy('albums.id'))

/** One visit on every live link of the token (expired links of the same secret keep their count). */
export async function recordVisit (db: Kysely<DB>, token: string, now: Date): Promise<void> {
  await db.updateTable('links').set(eb => ({ views: eb('views', '+', 1) })).where('token', '=', token)
    .where(eb => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())])).execute()
}

export const linkIsExpired = (link: Pick<Link, 'expires_at'>, now: Date): boolean => !isLive(link.expires_at, now)
