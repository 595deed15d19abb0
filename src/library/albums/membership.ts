import { sql, type Kysely } from 'kysely'
import type { Album, AlbumKind, DB } from '../../db/schema.ts'
import { nextMonthStart } from '../../views/dates.ts'
import { listable, type Audience } from '../visibility.ts'

export type AlbumRef = Pick<Album, 'id' | 'kind' | 'filter'>

/**
 * The one membership function: photos of an album as a query to refine.
 * Manual albums and moments are stored in album_photos; months, states and
 * folders are derived from photo columns, so they always show what belongs
 * to them now.
 */
export function albumPhotosQuery(db: Kysely<DB>, album: AlbumRef, audience: Audience) {
  const query = db.selectFrom('photos').where(eb => listable(eb, audience))
  switch (album.kind) {
    case 'album':
    case 'moment':
      return query.where(
        'photos.id',
        'in',
        db.selectFrom('album_photos').select('photo_id').where('album_id', '=', album.id)
      )
    case 'month':
      return query
        .where('photos.taken_at', '>=', `${album.filter}-01`)
        .where('photos.taken_at', '<', nextMonthStart(album.filter))
    case 'state': {
      const [countryCode, ...state] = album.filter.split('/')
      return query.where('photos.country_code', '=', countryCode).where('photos.state', '=', state.join('/'))
    }
    case 'folder':
      return query.where('photos.folder', '=', album.filter)
  }
}

/**
 * Every photo of every album of one kind, joined to that album: the same
 * membership as albumPhotosQuery, for summarising a whole list page in one
 * query. (test/unit/album-summaries.test.ts holds the two to agreement.)
 */
export function photosByAlbumOfKind(db: Kysely<DB>, kind: AlbumKind, audience: Audience) {
  const photos = db.selectFrom('photos').where(eb => listable(eb, audience))
  switch (kind) {
    case 'album':
    case 'moment':
      return photos
        .innerJoin('album_photos', 'album_photos.photo_id', 'photos.id')
        .innerJoin('albums', join => join.onRef('albums.id', '=', 'album_photos.album_id').on('albums.kind', '=', kind))
    case 'month':
      return photos.innerJoin('albums', join =>
        join.on('albums.kind', '=', kind).on('albums.filter', '=', sql<string>`substr(photos.taken_at, 1, 7)`)
      )
    case 'state':
      return photos.innerJoin('albums', join =>
        join
          .on('albums.kind', '=', kind)
          .on('albums.filter', '=', sql<string>`photos.country_code || '/' || photos.state`)
      )
    case 'folder':
      return photos.innerJoin('albums', join =>
        join.on('albums.kind', '=', kind).onRef('albums.filter', '=', 'photos.folder')
      )
  }
}

/** Date order, oldest first, with id as the tie-breaker so paging is stable. */
export function inDateOrder<Q extends { orderBy: (...a: any[]) => any }>(query: Q): Q {
  // NULLS FIRST spelled out: SQLite's default, while PostgreSQL puts them last.
  return query.orderBy('photos.taken_at', (ob: any) => ob.asc().nullsFirst()).orderBy('photos.id', 'asc') as Q
}
