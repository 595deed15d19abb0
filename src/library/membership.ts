import type { Kysely } from 'kysely'
import type { Album, DB } from '../db/schema.ts'
import { nextMonthStart } from './dates.ts'
import { listable, type Audience } from './visibility.ts'

export type AlbumRef = Pick<Album, 'id' | 'kind' | 'filter'>

/**
 * The one membership function: photos of an album as a query to refine.
 * Manual albums and moments are stored in album_photos; months, states and
 * folders are derived from photo columns, so they always show what belongs
 * to them now.
 */
export function albumPhotosQuery (db: Kysely<DB>, album: AlbumRef, audience: Audience) {
  const query = db.selectFrom('photos').where(eb => listable(eb, audience))
  switch (album.kind) {
    case 'album':
    case 'moment':
      return query.where('photos.id', 'in', db.selectFrom('album_photos').select('photo_id').where('album_id', '=', album.id))
    case 'month':
      return query.where('photos.taken_at', '>=', `${album.filter}-01`).where('photos.taken_at', '<', nextMonthStart(album.filter))
    case 'state': {
      const [countryCode, ...state] = album.filter.split('/')
      return query.where('photos.country_code', '=', countryCode).where('photos.state', '=', state.join('/'))
    }
    case 'folder':
      return query.where('photos.folder', '=', album.filter)
  }
}

/** Date order, oldest first, with id as the tie-breaker so paging is stable. */
export function inDateOrder<Q extends { orderBy: (...a: any[]) => any }> (query: Q): Q {
  return query.orderBy('photos.taken_at', 'asc').orderBy('photos.id', 'asc') as Q
}
