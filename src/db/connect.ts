import type { Kysely } from 'kysely'
import type { DB } from './schema.ts'
import { connectPostgres } from './postgres.ts'
import { connectSqlite } from './sqlite.ts'

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location)

/** The database at `location`: a postgres:// URL, else the path of a SQLite file. */
export function connectDb(location: string): Kysely<DB> {
  return isPostgresUrl(location) ? connectPostgres(location) : connectSqlite(location)
}
