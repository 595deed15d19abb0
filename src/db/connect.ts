import type { Kysely, LogEvent } from 'kysely'
import type { DB } from './schema.ts'
import { connectPostgres } from './postgres.ts'
import { connectSqlite } from './sqlite.ts'

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location)

export interface ConnectOptions {
  /** Called for every query run (tests count round trips with it). */
  log?: (event: LogEvent) => void
}

/** The database at `location`: a postgres:// URL, else the path of a SQLite file. */
export function connectDb(location: string, options: ConnectOptions = {}): Kysely<DB> {
  return isPostgresUrl(location) ? connectPostgres(location, options) : connectSqlite(location, options)
}
