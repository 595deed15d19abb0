import type { Kysely } from 'kysely'
import type { Album, DB, Link } from '../db/schema.ts'
import { linkIsExpired } from './grants.ts'
import { linksOfAlbum, otherAlbumsOfToken } from './links.ts'
import { linkUrl } from './link-url.ts'
import { limitSpent } from './visit-limit.ts'
import { extensionsOf, type Extension } from './expiry.ts'

/** A link as the owner's pages show it: whether it has a password, never the hash. */
export type ShownLink = Omit<Link, 'password_hash'> & { protected: boolean }

export interface LinkRow {
  link: ShownLink
  url: string
  expired: boolean
  /** Past its visit limit: new visitors are turned away. */
  spent: boolean
  alsoShares: Array<Pick<Album, 'uid' | 'slug' | 'title' | 'kind'>>
  /** What "Extend by …" would make of its expiry; none when it never expires. */
  extensions: Extension[]
}

/** The share dialog's rows: each link with its URL, state and the other albums its secret opens. */
export async function linkRows(db: Kysely<DB>, album: Album, base: string, now: Date): Promise<LinkRow[]> {
  const links = await linksOfAlbum(db, album.id)
  return await Promise.all(
    links.map(async link => {
      const alsoShares = await otherAlbumsOfToken(db, link.token, album.id)
      const { password_hash: hash, ...shown } = link
      return {
        link: { ...shown, protected: hash !== null },
        url: linkUrl(base, link.token, album, alsoShares),
        expired: linkIsExpired(link, now),
        spent: limitSpent(link),
        alsoShares,
        extensions: extensionsOf(link.expires_at, now)
      }
    })
  )
}

/** What the owner typed in a row's form: shown again with an error, so nothing is lost. */
export interface TypedFields {
  secret: string
  expires: string
  expires_date: string
  password: string
  remove_password: boolean
  max_visits: string
  allow_downloads: boolean
  options: boolean
}

/** A form error shown inline on one row, with what the owner typed. */
export interface RowError {
  linkId: number
  message: string
  fields: TypedFields
}
