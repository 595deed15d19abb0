import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely'
import type { DB } from './schema.ts'

/** SQLite can roll back DDL, so migrations run in one transaction: all or nothing. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl (): boolean { return true }
}

class AlbumlinkSqliteDialect extends SqliteDialect {
  override createAdapter (): DialectAdapter { return new TransactionalDdlSqliteAdapter() }
}

export function connectDb (file: string): Kysely<DB> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return new Kysely<DB>({ dialect: new AlbumlinkSqliteDialect({ database: sqlite }) })
}
