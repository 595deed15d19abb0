import pg from 'pg'
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely'
import type { DB } from './schema.ts'
import type { ConnectOptions } from './connect.ts'
import { postgresChangeSignal } from './read-cache.ts'

// bigint (counts, sizes, times in ms) and numeric (sums) come back as strings
// by default; every such value here fits a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number)

const POOL_SIZE = 10

/**
 * The shared change version, read on every visitor request: a named statement (parsed and planned once per
 * connection) sent straight to the pool, without building a query; logged like every other query.
 */
const VERSION_QUERY = {
  name: 'albumlink_change_version',
  text: 'select value from change_version where id = 1',
  rowMode: 'array' as const
}

function versionReader(pool: pg.Pool, log: ConnectOptions['log']): () => Promise<number> {
  const query = CompiledQuery.raw(VERSION_QUERY.text)
  return async () => {
    const started = performance.now()
    const result = await pool.query<[number]>(VERSION_QUERY)
    log?.({ level: 'query', query, queryDurationMillis: performance.now() - started })
    return Number(result.rows[0][0])
  }
}

/** PostgreSQL through a connection pool, for several instances on one database. */
export function connectPostgres(url: string, options: ConnectOptions = {}): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE })
  const signal = postgresChangeSignal(versionReader(pool, options.log))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [signal.plugin], log: options.log })
  signal.register(db)
  return db
}
