import type { Kysely } from 'kysely'
import type { Album, AlbumKind, DB } from '../../src/db/schema.ts'

/** A demo album by kind and slug (most walks use the state Toscana). */
export async function demoAlbum(server: { db: Kysely<DB> }, kind: AlbumKind, slug: string): Promise<Album> {
  return await server.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow()
}

/** The first `n` demo albums of a kind, in the order they were indexed. */
export async function demoAlbums(server: { db: Kysely<DB> }, kind: AlbumKind, n: number): Promise<Album[]> {
  return await server.db.selectFrom('albums').selectAll().where('kind', '=', kind).orderBy('id').limit(n).execute()
}

/** A folder album by its path under the originals (`trip`, `live`). */
export async function folderAlbum(server: { db: Kysely<DB> }, filter: string): Promise<Album> {
  return await server.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', 'folder')
    .where('filter', '=', filter)
    .executeTakeFirstOrThrow()
}
