import type { Kysely } from 'kysely'
import type { Album, DB, Link } from '../db/schema.ts'
import { findAlbumsById } from '../library/albums/albums.ts'
import { otherAlbumsOfToken } from './links.ts'
import { albumRefInUrl, shareUrl } from './share-urls.ts'

/** The URL the share dialog shows for a link: by slug, unless another album under its secret has the same slug. */
export const linkUrl = (
  base: string,
  token: string,
  album: Pick<Album, 'uid' | 'slug'>,
  alsoShares: ReadonlyArray<Pick<Album, 'slug'>>
): string =>
  shareUrl(
    base,
    token,
    albumRefInUrl(
      album,
      alsoShares.some(a => a.slug === album.slug)
    )
  )

/** One link by id, with its album and the URL its row in the share dialog shows (for its QR code). */
export async function linkWithUrl(
  db: Kysely<DB>,
  linkId: number,
  base: string
): Promise<{ link: Link; album: Album; url: string } | undefined> {
  const link = await db.selectFrom('links').selectAll().where('id', '=', linkId).executeTakeFirst()
  const [album] = link ? await findAlbumsById(db, [link.album_id]) : []
  if (!link || !album) return undefined
  return { link, album, url: linkUrl(base, link.token, album, await otherAlbumsOfToken(db, link.token, album.id)) }
}
