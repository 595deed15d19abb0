import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { Album, AlbumKind, DB } from '../../db/schema.ts'
import { albumPhotosQuery, inDateOrder, photosByAlbumOfKind } from './membership.ts'
import type { Audience } from '../visibility.ts'

export interface CoverPhoto {
  uid: string
  hash: string
}
export interface AlbumSummary {
  count: number
  /** How many of count are videos. */
  videoCount: number
  privateCount: number
  first: string | null
  last: string | null
  cover: CoverPhoto | null
}

const videoCount = (eb: ExpressionBuilder<DB, 'photos'>) =>
  eb.fn.sum<number>(eb.case().when('photos.media', '=', 'video').then(1).else(0).end()).as('video_count')

const EMPTY: AlbumSummary = { count: 0, videoCount: 0, privateCount: 0, first: null, last: null, cover: null }

/** Count, date range and cover as the audience may see them: a visitor's cover is never private. */
export async function summarizeAlbum(db: Kysely<DB>, album: Album, audience: Audience): Promise<AlbumSummary> {
  const stats = await albumPhotosQuery(db, album, audience)
    .select(eb => [
      eb.fn.countAll<number>().as('count'),
      videoCount(eb),
      eb.fn.sum<number>('photos.private').as('private_count'),
      eb.fn.min('photos.taken_at').as('first'),
      eb.fn.max('photos.taken_at').as('last')
    ])
    .executeTakeFirstOrThrow()
  return {
    count: Number(stats.count),
    videoCount: Number(stats.video_count ?? 0),
    privateCount: Number(stats.private_count ?? 0),
    first: stats.first,
    last: stats.last,
    cover: await coverPhoto(db, album, audience)
  }
}

/** The owner's chosen cover while it is visible in the album, else the album's first photo. */
async function coverPhoto(db: Kysely<DB>, album: Album, audience: Audience): Promise<CoverPhoto | null> {
  const photos = albumPhotosQuery(db, album, audience).select(['photos.uid', 'photos.hash'])
  const chosen =
    album.cover_photo_id === null
      ? undefined
      : await photos.where('photos.id', '=', album.cover_photo_id).executeTakeFirst()
  const cover = chosen ?? (await inDateOrder(photos).limit(1).executeTakeFirst())
  return cover?.hash ? { uid: cover.uid, hash: cover.hash } : null
}

// Up to this many albums are summarised one by one (each query uses an index);
// a longer list, such as a list page, is summarised per kind in two queries.
const ONE_BY_ONE = 8

export async function summarizeAll<A extends Album>(
  db: Kysely<DB>,
  albums: A[],
  audience: Audience
): Promise<Array<A & { summary: AlbumSummary }>> {
  if (albums.length <= ONE_BY_ONE) {
    return await Promise.all(
      albums.map(async album => ({ ...album, summary: await summarizeAlbum(db, album, audience) }))
    )
  }
  const byAlbum = new Map<number, AlbumSummary>()
  for (const kind of new Set(albums.map(a => a.kind))) {
    for (const [id, summary] of await summarizeKind(db, kind, audience)) byAlbum.set(id, summary)
  }
  return await Promise.all(
    albums.map(async album => {
      const summary = byAlbum.get(album.id) ?? EMPTY
      // A chosen cover is rare: it is checked on its own, with the same rule as one album's.
      if (album.cover_photo_id !== null && summary.count > 0) {
        return { ...album, summary: { ...summary, cover: await coverPhoto(db, album, audience) } }
      }
      return { ...album, summary }
    })
  )
}

/** Summaries of every album of a kind: counts and dates in one grouped query, first photos in one windowed query. */
export async function summarizeKind(
  db: Kysely<DB>,
  kind: AlbumKind,
  audience: Audience
): Promise<Map<number, AlbumSummary>> {
  const stats = await photosByAlbumOfKind(db, kind, audience)
    .select(eb => [
      'albums.id as album_id',
      eb.fn.countAll<number>().as('count'),
      videoCount(eb),
      eb.fn.sum<number>('photos.private').as('private_count'),
      eb.fn.min('photos.taken_at').as('first'),
      eb.fn.max('photos.taken_at').as('last')
    ])
    .groupBy('albums.id')
    .execute()
  const ranked = photosByAlbumOfKind(db, kind, audience).select([
    'albums.id as album_id',
    'photos.uid',
    'photos.hash',
    sql<number>`row_number() over (partition by albums.id order by photos.taken_at asc, photos.id asc)`.as('rank')
  ])
  const firsts = await db
    .selectFrom(ranked.as('ranked'))
    .select(['album_id', 'uid', 'hash'])
    .where('rank', '=', 1)
    .execute()
  const coverOf = new Map(firsts.map(f => [f.album_id, f.hash ? { uid: f.uid, hash: f.hash } : null]))
  return new Map(
    stats.map(s => [
      s.album_id,
      {
        count: Number(s.count),
        videoCount: Number(s.video_count ?? 0),
        privateCount: Number(s.private_count ?? 0),
        first: s.first,
        last: s.last,
        cover: coverOf.get(s.album_id) ?? null
      }
    ])
  )
}
