import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gunzipSync } from 'node:zlib'

export interface Place {
  countryCode: string
  country: string
  state: string | null
}

/**
 * The state polygons as `scripts/build-places.ts` writes them: one entry per state,
 * each ring as integer degree × SCALE steps from the previous vertex.
 */
export interface PlacesFile {
  scale: number
  states: Array<{ place: Place; polygons: number[][][] }>
}

const FILE = new URL('./places.json.gz', import.meta.url)

type Lookup = (lat: number, lng: number) => Place | null

let lookup: Lookup | null = null
const cache = new Map<string, Place | null>()

function decodeRing(steps: number[], scale: number): Array<[number, number]> {
  const ring: Array<[number, number]> = []
  let x = 0
  let y = 0
  for (let i = 0; i < steps.length; i += 2) {
    x += steps[i]
    y += steps[i + 1]
    ring.push([x / scale, y / scale])
  }
  return ring
}

/** The file as GeoJSON features whose properties are the place. */
export function placeFeatures(file: PlacesFile): object[] {
  return file.states.map(({ place, polygons }) => ({
    type: 'Feature',
    properties: place,
    geometry: {
      type: 'MultiPolygon',
      coordinates: polygons.map(rings => rings.map(ring => decodeRing(ring, file.scale)))
    }
  }))
}

/**
 * Offline reverse geocoding with Natural Earth's admin-1 polygons, indexed by
 * which-polygon. Loading costs a fraction of a second and some memory, so it
 * happens only on the first located photo of an indexing run; `unloadPlaces` frees it.
 */
function load(): Lookup {
  const file = JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')) as PlacesFile
  const whichPolygon = createRequire(import.meta.url)('which-polygon')
  const query = whichPolygon({ type: 'FeatureCollection', features: placeFeatures(file) }) as (
    p: [number, number]
  ) => Place | null
  return (lat, lng) => query([lng, lat])
}

export function lookupPlace(lat: number, lng: number): Place | null {
  const key = `${lat.toFixed(3)},${lng.toFixed(3)}`
  if (cache.has(key)) return cache.get(key) ?? null
  lookup ??= load()
  const place = lookup(lat, lng)
  cache.set(key, place)
  return place
}

export function unloadPlaces(): void {
  lookup = null
  cache.clear()
}
