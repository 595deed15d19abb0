import type { ExpressionBuilder, Kysely, Selectable } from 'kysely'
import type { Album, AlbumsTable, DB, Link, LinksTable } from '../db/schema.ts'
import { preparedQuery } from '../db/prepared.ts'
import { liveLink } from './live-link.ts'

/** What a live link grants on one album, without its secrets: safe for views and caches. */
export interface LinkGrant {
  id: number
  allowDownloads: boolean
  /** The link has a password; `passwordVersion` is what an unlock must match. */
  protected: boolean
  passwordVersion: number
  /** ISO time, or null for never: a kept grant is checked against the clock again on every use. */
  expiresAt: string | null
  /** Visits so far and the limit past which new visitors are refused (null: none). */
  visits: number
  maxVisits: number | null
  /** The visitor session in the request has been counted on this link (so a reached limit does not shut it out). */
  admitted: boolean
}

export interface SharedAlbum {
  album: Album
  link: LinkGrant
}

const LINK_COLUMNS = [
  'links.id as link_id',
  'links.password_hash as link_password_hash',
  'links.password_version as link_password_version',
  'links.allow_downloads as link_allow_downloads',
  'links.expires_at as link_expires_at',
  'links.views as link_visits',
  'links.max_visits as link_max_visits'
] as const

type GrantRow = Selectable<AlbumsTable> & {
  link_id: number
  link_password_hash: string | null
  link_password_version: number
  link_allow_downloads: number
  link_expires_at: string | null
  link_visits: number
  link_max_visits: number | null
  link_admitted: unknown
}

/** The hash only tells whether the link is protected; it goes no further than this. */
function split(row: GrantRow): SharedAlbum {
  const {
    link_id: id,
    link_password_hash: hash,
    link_password_version: passwordVersion,
    link_allow_downloads: downloads,
    link_expires_at: expiresAt,
    link_visits: visits,
    link_max_visits: maxVisits,
    link_admitted: admitted,
    ...album
  } = row
  const link = {
    id,
    allowDownloads: downloads === 1,
    protected: hash !== null,
    passwordVersion,
    expiresAt,
    visits,
    maxVisits
  }
  return { album, link: { ...link, admitted: Boolean(admitted) } }
}

/** Whether the session `sid` was counted on the link of the row: the visit limit lets it in. */
const admittedColumn = (sid: string) => (eb: ExpressionBuilder<DB & { links: LinksTable }, 'links'>) =>
  eb
    .exists(
      eb
        .selectFrom('link_visitors')
        .select('link_visitors.sid')
        .whereRef('link_visitors.link_id', '=', 'links.id')
        .where('link_visitors.sid', '=', sid)
    )
    .as('link_admitted')

/** Every album a token shares right now; empty when the token is unknown, expired or deleted. */
export async function albumsOfToken(db: Kysely<DB>, token: string, now: Date, sid = ''): Promise<SharedAlbum[]> {
  const rows = await db
    .selectFrom('links')
    .innerJoin('albums', 'albums.id', 'links.album_id')
    .selectAll('albums')
    .select(LINK_COLUMNS)
    .select(admittedColumn(sid))
    .where('links.token', '=', token)
    .where(liveLink(now.toISOString()))
    .orderBy('albums.title')
    .execute()
  return rows.map(split)
}

export interface Grant extends SharedAlbum {
  /** The visitor session in the request was ended with the power icon: it must count as empty. */
  sessionEnded: boolean
}

/**
 * The album `ref` (slug or uid) if this token shares it now, else undefined.
 * Checked on every visitor request, pages and bytes alike; whether the
 * visitor's session was ended comes back in the same round trip.
 */
export async function resolveGrant(
  db: Kysely<DB>,
  request: { token: string; ref: string; sid?: string },
  now: Date
): Promise<Grant | undefined> {
  const [row] = await grantQuery(db, {
    token: request.token,
    ref: request.ref,
    sid: request.sid ?? '',
    now: now.toISOString()
  })
  if (!row) return undefined
  const { session_ended: ended, ...rest } = row
  return { ...split(rest), sessionEnded: Boolean(ended) }
}

const grantQuery = preparedQuery(['token', 'ref', 'sid', 'now'], (db, v) =>
  db
    .selectFrom('links')
    .innerJoin('albums', 'albums.id', 'links.album_id')
    .selectAll('albums')
    .select(LINK_COLUMNS)
    .select(eb =>
      eb.exists(eb.selectFrom('ended_visitor_sessions').select('id').where('id', '=', v.sid)).as('session_ended')
    )
    .select(admittedColumn(v.sid))
    .where('links.token', '=', v.token)
    .where(eb => eb.or([eb('albums.uid', '=', v.ref), eb('albums.slug', '=', v.ref)]))
    .where(liveLink(v.now))
    .orderBy('albums.id')
    .limit(1)
)

/** The same rule as liveLink, for a link already in hand. */
export const linkIsExpired = (link: Pick<Link, 'expires_at'>, now: Date): boolean =>
  link.expires_at !== null && link.expires_at <= now.toISOString()
