import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { LRUCache } from 'lru-cache'
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter, type SqliteDatabase } from 'kysely'
import type { DB } from './schema.ts'
import type { ConnectOptions } from './connect.ts'
import { sqliteChangeSignal } from './read-cache.ts'

/** SQLite can roll back DDL, so migrations run in one transaction: all or nothing. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class AlbumlinkSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query it runs; preparing costs as much as running a
 * small indexed query, so statements are kept by SQL text (least recently
 * used dropped first). Safe because we never stream results, which is the one
 * use that needs a statement to itself.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const cache = new LRUCache<string, Database.Statement>({ max: STATEMENT_CACHE_SIZE })
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        cache.set(sql, statement)
      }
      return statement
    }
  }
}

/** The embedded default: one SQLite file (WAL, foreign keys on). */
export function connectSqlite(file: string, options: ConnectOptions = {}): Kysely<DB> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const signal = sqliteChangeSignal(sqlite)
  const db = new Kysely<DB>({
    dialect: new AlbumlinkSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [signal.plugin],
    log: options.log
  })
  signal.register(db)
  return db
}
