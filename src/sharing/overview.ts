import { sql, type Kysely } from 'kysely'
import type { AlbumKind, DB } from '../db/schema.ts'
import { albumRefInUrl } from './share-urls.ts'
import { liveLink } from './live-link.ts'
import { linkIsExpired } from './grants.ts'
import { limitSpent } from './visit-limit.ts'

export type LinkState = 'active' | 'expired'
export interface OverviewFilter {
  kind?: AlbumKind
  state?: LinkState
}

/** Columns the overview sorts by, and the order a first click asks for (most, newest or soonest first). */
export const SORT_COLUMNS = {
  album: { ref: 'albums.title', first: 'asc' },
  expires: { ref: 'links.expires_at', first: 'asc' },
  visits: { ref: 'links.views', first: 'desc' },
  photo_views: { ref: 'links.photo_views', first: 'desc' },
  downloads: { ref: 'links.downloads', first: 'desc' },
  zips: { ref: 'links.zip_downloads', first: 'desc' },
  last_visit: { ref: 'links.last_visit_at', first: 'desc' },
  created: { ref: 'links.created_at', first: 'desc' }
} as const
const TITLES = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
export type SortColumn = keyof typeof SORT_COLUMNS
export type SortOrder = 'asc' | 'desc'
export interface OverviewSort {
  column: SortColumn
  order: SortOrder
}
export const DEFAULT_SORT: OverviewSort = { column: 'created', order: 'desc' }

/**
 * Every link of the owner with its album and statistics, sorted (newest
 * first by default; ties newest first too), filtered by album kind and
 * live/expired. Links that never expire sort as the furthest expiry, links
 * never visited as the oldest visit.
 */
export async function allLinks(db: Kysely<DB>, filter: OverviewFilter, now: Date, sort: OverviewSort = DEFAULT_SORT) {
  let query = db
    .selectFrom('links')
    .innerJoin('albums', 'albums.id', 'links.album_id')
    .select([
      'links.id',
      'links.token',
      'links.expires_at',
      'links.created_at',
      'links.views',
      'links.allow_downloads',
      'links.max_visits',
      'links.photo_views',
      'links.downloads',
      'links.zip_downloads',
      'links.last_visit_at',
      'albums.id as album_id',
      'albums.uid as album_uid',
      'albums.slug as album_slug',
      'albums.title as album_title',
      'albums.kind as album_kind'
    ])
    .select(eb => eb.case().when('links.password_hash', 'is not', null).then(1).else(0).end().as('protected'))
  if (sort.column === 'expires') query = query.orderBy(sql`links.expires_at is null`, sort.order)
  if (sort.column === 'last_visit') query = query.orderBy(sql`links.last_visit_at is not null`, sort.order)
  // Titles sort as people read them ("Île-de-France" beside "Lazio", not after "Zeeland"): by a collator, below.
  if (sort.column !== 'album') query = query.orderBy(SORT_COLUMNS[sort.column].ref, sort.order)
  query = query.orderBy('links.created_at', 'desc').orderBy('links.id', 'desc')
  if (filter.kind) query = query.where('albums.kind', '=', filter.kind)
  if (filter.state === 'active') query = query.where(liveLink(now.toISOString()))
  if (filter.state === 'expired') query = query.where('links.expires_at', '<=', now.toISOString())
  const rows = await query.execute()
  // How many albums each token/slug pair names, for albumRefInUrl.
  const seen = new Map<string, number>()
  for (const r of await db
    .selectFrom('links')
    .innerJoin('albums', 'albums.id', 'links.album_id')
    .select(['links.token', 'albums.slug'])
    .execute()) {
    const key = `${r.token}/${r.slug}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  if (sort.column === 'album') {
    rows.sort((a, b) => TITLES.compare(a.album_title, b.album_title) * (sort.order === 'asc' ? 1 : -1))
  }
  return rows.map(r => ({
    ...r,
    expired: linkIsExpired(r, now),
    spent: limitSpent(r),
    albumRef: albumRefInUrl({ uid: r.album_uid, slug: r.album_slug }, (seen.get(`${r.token}/${r.album_slug}`) ?? 0) > 1)
  }))
}

export type OverviewRow = Awaited<ReturnType<typeof allLinks>>[number]

export async function findLinkById(db: Kysely<DB>, id: number) {
  return await db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst()
}
