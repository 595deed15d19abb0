import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { DB } from './schema.ts'
import type { ConnectOptions } from './connect.ts'
import { postgresChangeSignal } from './read-cache.ts'

// bigint (counts, sizes, times in ms) and numeric (sums) come back as strings
// by default; every such value here fits a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number)

const POOL_SIZE = 10

/** PostgreSQL through a connection pool, for several instances on one database. */
export function connectPostgres(url: string, options: ConnectOptions = {}): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE })
  const signal = postgresChangeSignal()
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [signal.plugin], log: options.log })
  signal.register(db)
  return db
}
