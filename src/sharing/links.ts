import type { Kysely } from 'kysely'
import type { Album, DB, Link } from '../db/schema.ts'
import { generateSecret } from './secrets.ts'

export type LinkChanges = Pick<Link, 'token' | 'expires_at'> &
  Partial<Pick<Link, 'allow_downloads' | 'password_hash' | 'max_visits'>>

export async function linksOfAlbum(db: Kysely<DB>, albumId: number): Promise<Link[]> {
  return await db
    .selectFrom('links')
    .selectAll()
    .where('album_id', '=', albumId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute()
}

export async function findLink(db: Kysely<DB>, albumId: number, linkId: number): Promise<Link | undefined> {
  return await db
    .selectFrom('links')
    .selectAll()
    .where('album_id', '=', albumId)
    .where('id', '=', linkId)
    .executeTakeFirst()
}

/** Ids of albums with at least one link (expired ones too: they are still listed for the owner). */
export async function sharedAlbumIds(db: Kysely<DB>): Promise<Set<number>> {
  const rows = await db.selectFrom('links').select('album_id').distinct().execute()
  return new Set(rows.map(r => r.album_id))
}

/** `at` comes from the app clock, so created dates and expiry presets agree. */
export async function createLink(
  db: Kysely<DB>,
  albumId: number,
  createdBy: string,
  changes?: Partial<LinkChanges>,
  at = new Date()
): Promise<Link> {
  const now = at.toISOString()
  return await db
    .insertInto('links')
    .values({
      token: changes?.token ?? generateSecret(),
      album_id: albumId,
      expires_at: changes?.expires_at ?? null,
      created_at: now,
      updated_at: now,
      created_by: createdBy
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** True when another link of the same album already uses this token. */
export async function tokenTakenInAlbum(
  db: Kysely<DB>,
  albumId: number,
  token: string,
  exceptLinkId?: number
): Promise<boolean> {
  let query = db.selectFrom('links').select('id').where('album_id', '=', albumId).where('token', '=', token)
  if (exceptLinkId !== undefined) query = query.where('id', '!=', exceptLinkId)
  return (await query.executeTakeFirst()) !== undefined
}

/** Saves a link in one statement; a new or removed password bumps its version, revoking earlier unlocks. */
export async function updateLink(
  db: Kysely<DB>,
  albumId: number,
  linkId: number,
  changes: LinkChanges,
  at = new Date()
): Promise<boolean> {
  const result = await db
    .updateTable('links')
    .set(eb => ({
      ...changes,
      updated_at: at.toISOString(),
      ...(changes.password_hash !== undefined ? { password_version: eb('password_version', '+', 1) } : {})
    }))
    .where('album_id', '=', albumId)
    .where('id', '=', linkId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function deleteLink(db: Kysely<DB>, albumId: number, linkId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('links')
    .where('album_id', '=', albumId)
    .where('id', '=', linkId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Other albums that the same token shares ("Also shares: …"). */
export async function otherAlbumsOfToken(
  db: Kysely<DB>,
  token: string,
  exceptAlbumId: number
): Promise<Array<Pick<Album, 'uid' | 'slug' | 'title' | 'kind'>>> {
  return await db
    .selectFrom('links')
    .innerJoin('albums', 'albums.id', 'links.album_id')
    .select(['albums.uid', 'albums.slug', 'albums.title', 'albums.kind'])
    .where('links.token', '=', token)
    .where('albums.id', '!=', exceptAlbumId)
    .orderBy('albums.title')
    .execute()
}
