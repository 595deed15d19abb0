import type { Kysely } from 'kysely'
import type { Album, DB } from '../db/schema.ts'
import { albumPhotosQuery, inDateOrder } from './albums/membership.ts'

/** A link preview's collage holds at most this many photos. */
export const MAX_PREVIEW_PHOTOS = 4

/**
 * Content hashes of the photos a link preview shows, only ever photos a
 * visitor may see (the visitor membership: never private, archived, missing
 * or unreadable): the owner's chosen cover alone while it is visible, else up
 * to four spread evenly over the album in date order. Empty for an album
 * with nothing visible.
 */
export async function previewPhotoHashes(
  db: Kysely<DB>,
  album: Pick<Album, 'id' | 'kind' | 'filter' | 'cover_photo_id'>
): Promise<string[]> {
  const visible = albumPhotosQuery(db, album, 'visitor').where('photos.hash', 'is not', null)
  if (album.cover_photo_id !== null) {
    const cover = await visible.select('photos.hash').where('photos.id', '=', album.cover_photo_id).executeTakeFirst()
    if (cover?.hash) return [cover.hash]
  }
  const { n } = await visible.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const count = Number(n)
  const picks = Math.min(count, MAX_PREVIEW_PHOTOS)
  const rows = await Promise.all(
    Array.from(
      { length: picks },
      async (_, i) =>
        await inDateOrder(visible.select('photos.hash'))
          .limit(1)
          .offset(Math.floor((i * count) / picks))
          .executeTakeFirst()
    )
  )
  return rows.flatMap(row => (row?.hash ? [row.hash] : []))
}
