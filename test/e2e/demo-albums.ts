import type { Kysely } from 'kysely'
import type { Album, AlbumKind, DB, Photo } from '../../src/db/schema.ts'
import { allAlbumPhotos } from '../../src/library/photos.ts'
import { createLink } from '../../src/sharing/links.ts'

/** A demo album by kind and slug (most walks use the state Toscana). */
export async function demoAlbum(server: { db: Kysely<DB> }, kind: AlbumKind, slug: string): Promise<Album> {
  return await server.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow()
}

/** The state Toscana shared by a new link with `token`, and its photos as a visitor sees them. */
export async function sharedToscana(
  server: { db: Kysely<DB> },
  token: string
): Promise<{ album: Album; photos: Photo[] }> {
  const album = await demoAlbum(server, 'state', 'toscana')
  const photos = await allAlbumPhotos(server.db, album, 'visitor')
  await createLink(server.db, album.id, 'owner', { token })
  return { album, photos }
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
