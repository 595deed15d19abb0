import type { Photo } from '../db/schema.ts'
import { dayTitle } from '../views/dates.ts'

type MapPhoto = Pick<Photo, 'uid' | 'title' | 'path' | 'taken_at' | 'lat' | 'lng' | 'state' | 'country'>
type Located = MapPhoto & { lat: number; lng: number }

/** Where a photo's thumbnail and page live for this audience (under the visitor's token, or the owner's routes). */
export interface PhotoUrls {
  thumb: (uid: string) => string
  page: (uid: string) => string
}

export interface PhotoFeature {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: {
    uid: string
    title: string
    taken: string | null
    date: string
    place: string
    thumb: string
    href: string
  }
}

export interface PhotoCollection {
  type: 'FeatureCollection'
  features: PhotoFeature[]
}

/** A place on the no-JS list: how many photos were taken there, and the first of them. */
export interface MapPlace {
  name: string
  count: number
  href: string
}

const isLocated = (p: MapPhoto): p is Located =>
  typeof p.lat === 'number' && typeof p.lng === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lng)

/** "State, Country"; a photo found outside every polygon (at sea) is named by its coordinates. */
export function placeName(p: Located): string {
  return [p.state, p.country].filter(Boolean).join(', ') || `${p.lat.toFixed(3)}, ${p.lng.toFixed(3)}`
}

/**
 * The located photos as GeoJSON points. The caller passes only photos its
 * audience may see (allAlbumPhotos does that); this just drops the unlocated.
 */
export function photoFeatures(photos: MapPhoto[], urls: PhotoUrls): PhotoCollection {
  return {
    type: 'FeatureCollection',
    features: photos.filter(isLocated).map(p => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: {
        uid: p.uid,
        title: p.title ?? p.path.split('/').pop() ?? '',
        taken: p.taken_at,
        date: dayTitle(p.taken_at),
        place: placeName(p),
        thumb: urls.thumb(p.uid),
        href: urls.page(p.uid)
      }
    }))
  }
}

/** Places in the order the album first reaches them (photos come in date order). */
export function mapPlaces(photos: MapPhoto[], urls: PhotoUrls): MapPlace[] {
  const places = new Map<string, MapPlace>()
  for (const p of photos.filter(isLocated)) {
    const name = placeName(p)
    const known = places.get(name)
    if (known) known.count++
    else places.set(name, { name, count: 1, href: urls.page(p.uid) })
  }
  return [...places.values()]
}
