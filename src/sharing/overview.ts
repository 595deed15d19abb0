import type { Kysely } from 'kysely'
import type { AlbumKind, DB } from '../db/schema.ts'
import { albumRefInUrl } from './share-urls.ts'
import { liveLink } from './live-link.ts'
import { linkIsExpired } from './grants.ts'

export type LinkState = 'active' | 'expired'
export interface OverviewFilter { kind?: AlbumKind, state?: LinkState }

/** Every link of the owner, newest first, with its album; filtered by album kind and live/expired. */
export async function allLinks (db: Kysely<DB>, filter: OverviewFilter, now: Date) {
  let query = db.selectFrom('links').innerJoin('albums', 'albums.id', 'links.album_id')
    .select([
      'links.id', 'links.token', 'links.expires_at', 'links.created_at', 'links.views', 'links.allow_downloads',
      'albums.id as album_id', 'albums.uid as album_uid', 'albums.slug as album_slug', 'albums.title as album_title', 'albums.kind as album_kind'
    ])
    .select(eb => eb.case().when('links.password_hash', 'is not', null).then(1).else(0).end().as('protected'))
    .orderBy('links.created_at', 'desc').orderBy('links.id', 'desc')
  if (filter.kind) query = query.where('albums.kind', '=', filter.kind)
  if (filter.state === 'active') query = query.where(liveLink(now.toISOString()))
  if (filter.state === 'expired') query = query.where('links.expires_at', '<=', now.toISOString())
  const rows = await query.execute()
  // How many albums each token/slug pair names, for albumRefInUrl.
  const seen = new Map<string, number>()
  for (const r of await db.selectFrom('links').innerJoin('albums', 'albums.id', 'links.album_id').select(['links.token', 'albums.slug']).execute()) {
    const key = `${r.token}/${r.slug}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  return rows.map(r => ({
    ...r,
    expired: linkIsExpired(r, now),
    albumRef: albumRefInUrl({ uid: r.album_uid, slug: r.album_slug }, (seen.get(`${r.token}/${r.album_slug}`) ?? 0) > 1)
  }))
}

export type OverviewRow = Awaited<ReturnType<typeof allLinks>>[number]

export async function findLinkById (db: Kysely<DB>, id: number) {
  return await db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst()
}
