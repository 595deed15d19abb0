import type { Kysely } from 'kysely'
import type { Album, AlbumKind, DB } from '../../db/schema.ts'

const LIST_ORDER: Record<AlbumKind, [keyof Album, 'asc' | 'desc']> = {
  album: ['title', 'asc'],
  moment: ['filter', 'desc'],
  month: ['filter', 'desc'],
  state: ['filter', 'asc'],
  folder: ['filter', 'asc']
}

/**
 * Keys that SQL cannot order by portably: a moment's key is `country/first day`
 * (newest first means by the day), a state's country is its description
 * (countries by name, then states by name).
 */
const SORT_KEY: Partial<Record<AlbumKind, (a: Album) => string>> = {
  moment: a => a.filter.slice(a.filter.indexOf('/') + 1),
  state: a => `${a.description}\u0000${a.title}`
}

export async function listAlbums(db: Kysely<DB>, kind: AlbumKind): Promise<Album[]> {
  const [column, direction] = LIST_ORDER[kind]
  const albums = await db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy(column, direction)
    .orderBy('id', 'asc')
    .execute()
  const key = SORT_KEY[kind]
  if (!key) return albums
  const sign = direction === 'desc' ? -1 : 1
  return albums.sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id - b.id)
}

export async function findAlbum(db: Kysely<DB>, uid: string): Promise<Album | undefined> {
  return await db.selectFrom('albums').selectAll().where('uid', '=', uid).executeTakeFirst()
}

export async function findAlbumsById(db: Kysely<DB>, ids: readonly number[]): Promise<Album[]> {
  if (ids.length === 0) return []
  return await db
    .selectFrom('albums')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
}
