import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { DB } from './schema.ts'

/**
 * A Kysely query built and compiled once per database, then run with new
 * values: building a query costs more than SQLite takes to answer an indexed
 * one, which matters on the per-request grant check. `build` receives marker
 * strings in place of the values; every parameter equal to a marker is
 * swapped for the caller's value, so the SQL stays Kysely's own.
 */
export function preparedQuery<Names extends string, Row>(
  names: readonly Names[],
  build: (db: Kysely<DB>, values: Record<Names, string>) => Compilable<Row>
): (db: Kysely<DB>, values: Record<Names, unknown>) => Promise<Row[]> {
  const markers = Object.fromEntries(names.map(n => [n, `\u0000${n}\u0000`])) as Record<Names, string>
  const byMarker = new Map(names.map(n => [markers[n], n]))
  const compiled = new WeakMap<Kysely<DB>, CompiledQuery<Row>>()
  return async (db, values) => {
    let query = compiled.get(db)
    if (!query) {
      query = build(db, markers).compile()
      compiled.set(db, query)
    }
    const parameters = query.parameters.map(p => {
      const name = typeof p === 'string' ? byMarker.get(p) : undefined
      return name === undefined ? p : values[name]
    })
    return (await db.executeQuery<Row>({ ...query, parameters })).rows
  }
}
