import type { Kysely } from 'kysely'
import type { DB, Photo } from '../db/schema.ts'
import { albumPhotosQuery, inDateOrder, type AlbumRef } from './albums/membership.ts'
import { listable, type Audience } from './visibility.ts'

export const PAGE_SIZE = 120

/** What a grid tile needs. */
export type GridPhoto = Pick<
  Photo,
  'uid' | 'hash' | 'title' | 'path' | 'taken_at' | 'width' | 'height' | 'private' | 'media' | 'duration'
>
const GRID_COLUMNS = [
  'photos.uid',
  'photos.hash',
  'photos.title',
  'photos.path',
  'photos.taken_at',
  'photos.width',
  'photos.height',
  'photos.private',
  'photos.media',
  'photos.duration'
] as const

/** Photos in the library (readable, not archived), or in the Archive. */
export async function countPhotos(db: Kysely<DB>, archived = false): Promise<number> {
  const row = await db
    .selectFrom('photos')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('missing', '=', 0)
    .where('error', 'is', null)
    .where('companion_of', 'is', null)
    .where('archived', '=', archived ? 1 : 0)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findPhoto(db: Kysely<DB>, uid: string): Promise<Photo | undefined> {
  return await db.selectFrom('photos').selectAll().where('uid', '=', uid).executeTakeFirst()
}

/** One page of an album in date order (pages of PAGE_SIZE keep 10,000-photo albums fast). */
export async function albumPage(
  db: Kysely<DB>,
  album: AlbumRef,
  audience: Audience,
  page: number
): Promise<GridPhoto[]> {
  return await inDateOrder(albumPhotosQuery(db, album, audience).select(GRID_COLUMNS))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute()
}

/** Every photo of an album the audience may see, in date order (zips, maps). */
export async function allAlbumPhotos(db: Kysely<DB>, album: AlbumRef, audience: Audience): Promise<Photo[]> {
  return await inDateOrder(albumPhotosQuery(db, album, audience).selectAll('photos')).execute()
}

/**
 * The photos among `uids` that belong to the album and that the audience may
 * see, in date order (a selection's zip, bulk actions). Ids of other albums,
 * private (for visitors), archived, missing or unknown photos are dropped.
 */
export async function selectedAlbumPhotos(
  db: Kysely<DB>,
  album: AlbumRef,
  audience: Audience,
  uids: string[]
): Promise<Photo[]> {
  if (uids.length === 0) return []
  return await inDateOrder(
    albumPhotosQuery(db, album, audience).selectAll('photos').where('photos.uid', 'in', uids)
  ).execute()
}

/** The photos among `uids` that the Photos page lists (the owner's library without the Archive), in date order. */
export async function selectedLibraryPhotos(db: Kysely<DB>, uids: string[]): Promise<Photo[]> {
  if (uids.length === 0) return []
  return await inDateOrder(
    db
      .selectFrom('photos')
      .selectAll()
      .where(eb => listable(eb, 'owner'))
      .where('uid', 'in', uids)
  ).execute()
}

/** The photo if it belongs to the album and the audience may see it. */
export async function photoInAlbum(
  db: Kysely<DB>,
  album: AlbumRef,
  audience: Audience,
  uid: string
): Promise<Photo | undefined> {
  return await albumPhotosQuery(db, album, audience)
    .selectAll('photos')
    .where('photos.uid', '=', uid)
    .executeTakeFirst()
}

export interface Neighbours {
  previous: string | null
  next: string | null
  position: number
}

export async function neighbours(
  db: Kysely<DB>,
  album: AlbumRef,
  audience: Audience,
  photo: Pick<Photo, 'id' | 'taken_at'>
): Promise<Neighbours> {
  const takenAt = photo.taken_at ?? ''
  const base = albumPhotosQuery(db, album, audience)
  /** Photos on one side of this one in date order (ties broken by id). */
  const beyond = (side: '<' | '>') =>
    base.where(eb =>
      eb.or([
        eb('photos.taken_at', side, takenAt),
        eb.and([eb('photos.taken_at', '=', takenAt), eb('photos.id', side, photo.id)])
      ])
    )
  const nearest = async (side: '<' | '>') => {
    const direction = side === '<' ? 'desc' : 'asc'
    const row = await beyond(side)
      .select('photos.uid')
      .orderBy('photos.taken_at', direction)
      .orderBy('photos.id', direction)
      .limit(1)
      .executeTakeFirst()
    return row?.uid ?? null
  }
  const [previous, next, before] = await Promise.all([
    nearest('<'),
    nearest('>'),
    beyond('<')
      .select(eb => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ])
  return { previous, next, position: Number(before.n) + 1 }
}

/** Sets a photo flag on photos by uid; returns how many rows changed. */
async function setFlag(db: Kysely<DB>, flag: 'private' | 'archived', uids: string[], value: boolean): Promise<number> {
  if (uids.length === 0) return 0
  const result = await db
    .updateTable('photos')
    .set(flag === 'private' ? { private: value ? 1 : 0 } : { archived: value ? 1 : 0 })
    .where('uid', 'in', uids)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function setPrivate(db: Kysely<DB>, uid: string, value: boolean): Promise<boolean> {
  return (await setFlag(db, 'private', [uid], value)) > 0
}

/** Marks many photos private (or not) at once; returns how many rows changed. */
export async function setPrivateMany(db: Kysely<DB>, uids: string[], value: boolean): Promise<number> {
  return await setFlag(db, 'private', uids, value)
}

export async function setArchived(db: Kysely<DB>, uid: string, value: boolean): Promise<boolean> {
  return (await setFlag(db, 'archived', [uid], value)) > 0
}

/** All photos (the Photos page), or only archived ones (the Archive page), newest first. */
export async function libraryPage(db: Kysely<DB>, archived: boolean, page: number): Promise<GridPhoto[]> {
  return await db
    .selectFrom('photos')
    .select(GRID_COLUMNS)
    .where('missing', '=', 0)
    .where('error', 'is', null)
    .where('companion_of', 'is', null)
    .where('archived', '=', archived ? 1 : 0)
    .orderBy('taken_at', ob => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute()
}
