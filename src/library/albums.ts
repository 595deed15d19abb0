import type { Kysely } from 'kysely'
import type { Album, AlbumKind, DB } from '../db/schema.ts'

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

export async function findAlbumsById (db: Kysely<DB>, ids: readonly number[]): Promise<Album[]> {
  if (ids.length === 0) return []
  return await db.selectFrom('albums').selectAll().where('id', 'in', [...new Set(ids)]).execute()
}
