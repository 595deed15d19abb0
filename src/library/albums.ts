import type { Kysely } from 'kysely'
import type { Album, AlbumKind, DB } from '../db/schema.ts'
import { albumPhotosQuery, inDateOrder } from './membership.ts'
import type { Audience } from './visibility.ts'

export interface CoverPhoto { uid: string, hash: string }
export interface AlbumSummary {
  count: number
  privateCount: number
  first: string | null
  last: string | null
  cover: CoverPhoto | null
}

const LIST_ORDER: Record<AlbumKind, [keyof Album, 'asc' | 'desc']> = {
  album: ['title', 'asc'],
  moment: ['filter', 'desc'],
  month: ['filter', 'desc'],
  state: ['filter', 'asc'],
  folder: ['filter', 'asc']
}

export async function listAlbums (db: Kysely<DB>, kind: AlbumKind): Promise<Album[]> {
  const [column, direction] = LIST_ORDER[kind]
  return await db.selectFrom('albums').selectAll().where('kind', '=', kind)
    .orderBy(column, direction).orderBy('id', 'asc').execute()
}

export async function findAlbum (db: Kysely<DB>, uid: string): Promise<Album | undefined> {
  return await db.selectFrom('albums').selectAll().where('uid', '=', uid).executeTakeFirst()
}

/** Count, date range and cover as the audience may see them: a visitor's cover is never private. */
export async function summarizeAlbum (db: Kysely<DB>, album: Album, audience: Audience): Promise<AlbumSummary> {
  const stats = await albumPhotosQuery(db, album, audience)
    .select(eb => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('photos.private').as('private_count'),
      eb.fn.min('photos.taken_at').as('first'),
      eb.fn.max('photos.taken_at').as('last')
    ]).executeTakeFirstOrThrow()
  return {
    count: Number(stats.count),
    privateCount: Number(stats.private_count ?? 0),
    first: stats.first,
    last: stats.last,
    cover: await coverPhoto(db, album, audience)
  }
}

async function coverPhoto (db: Kysely<DB>, album: Album, audience: Audience): Promise<CoverPhoto | null> {
  const photos = albumPhotosQuery(db, album, audience).select(['photos.uid', 'photos.hash'])
  const chosen = album.cover_photo_id === null
    ? undefined
    : await photos.where('photos.id', '=', album.cover_photo_id).executeTakeFirst()
  const cover = chosen ?? await inDateOrder(photos).limit(1).executeTakeFirst()
  return cover?.hash ? { uid: cover.uid, hash: cover.hash } : null
}

export async function summarizeAll<A extends Album> (db: Kysely<DB>, albums: A[], audience: Audience): Promise<Array<A & { summary: AlbumSummary }>> {
  return await Promise.all(albums.map(async album => ({ ...album, summary: await summarizeAlbum(db, album, audience) })))
}
