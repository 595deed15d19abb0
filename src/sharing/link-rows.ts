import type { Kysely } from 'kysely'
import type { Album, DB, Link } from '../db/schema.ts'
import { linkIsExpired } from './grants.ts'
import { linksOfAlbum, otherAlbumsOfToken } from './links.ts'
import { albumRefInUrl, shareUrl } from './share-urls.ts'
import { limitSpent } from './visit-limit.ts'
import { extensionsOf, type Extension } from './expiry.ts'

export interface LinkRow {
  link: Link
  url: string
  expired: boolean
  /** Past its visit limit: new visitors are turned away. */
  spent: boolean
  alsoShares: Array<Pick<Album, 'uid' | 'slug' | 'title' | 'kind'>>
  /** What "Extend by …" would make of its expiry; none when it never expires. */
  extensions: Extension[]
}

/** The share dialog's rows: each link with its URL, state and the other albums its secret opens. */
export async function linkRows (db: Kysely<DB>, album: Album, base: string, now: Date): Promise<LinkRow[]> {
  const links = await linksOfAlbum(db, album.id)
  return await Promise.all(links.map(async link => {
    const alsoShares = await otherAlbumsOfToken(db, link.token, album.id)
    const ref = albumRefInUrl(album, alsoShares.some(a => a.slug === album.slug))
    return { link, url: shareUrl(base, link.token, ref), expired: linkIsExpired(link, now), spent: limitSpent(link), alsoShares, extensions: extensionsOf(link.expires_at, now) }
  }))
}
