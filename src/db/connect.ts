import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { LRUCache } from 'lru-cache'
import {
  Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter, type KyselyPlugin, type PluginTransformQueryArgs,
  type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type SqliteDatabase, type UnknownRow
} from 'kysely'
import type { DB } from './schema.ts'

/** SQLite can roll back DDL, so migrations run in one transaction: all or nothing. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl (): boolean { return true }
}

class AlbumlinkSqliteDialect extends SqliteDialect {
  override createAdapter (): DialectAdapter { return new TransactionalDdlSqliteAdapter() }
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query it runs; preparing costs as much as running a
 * small indexed query, so statements are kept by SQL text (least recently
 * used dropped first). Safe because we never stream results, which is the one
 * use that needs a statement to itself.
 */
function withStatementCache (sqlite: Database.Database): SqliteDatabase {
  const cache = new LRUCache<string, Database.Statement>({ max: STATEMENT_CACHE_SIZE })
  return {
    close: () => { cache.clear(); sqlite.close() },
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

const versions = new WeakMap<Kysely<DB>, () => string>()

/**
 * Changes whenever the data may have changed: after every write through this
 * Kysely instance (counted before and after it runs) and, through SQLite's
 * data_version, after any commit by another process (a CLI index run).
 * Caches key on it; an unknown instance gets a value that never repeats.
 */
export function dataVersion (db: Kysely<DB>): string {
  return versions.get(db)?.() ?? `uncached-${Math.random()}`
}

const uncountedOf = new WeakMap<Kysely<DB>, Kysely<DB>>()

/**
 * The same connection without the write counter, for writes no cache reads:
 * link statistics. Counting a photo view through it leaves dataVersion
 * alone, so rendered pages and membership answers stay cached. A commit on
 * the same connection does not move SQLite's data_version either.
 */
export function uncountedWrites (db: Kysely<DB>): Kysely<DB> {
  let plain = uncountedOf.get(db)
  if (!plain) {
    plain = db.withoutPlugins()
    uncountedOf.set(db, plain)
  }
  return plain
}

class WriteCounter implements KyselyPlugin {
  writes = 0
  transformQuery (args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== 'SelectQueryNode') this.writes++
    return args.node
  }

  async transformResult (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (args.result.numAffectedRows !== undefined || args.result.numChangedRows !== undefined) this.writes++
    return args.result
  }
}

export function connectDb (file: string): Kysely<DB> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const counter = new WriteCounter()
  const db = new Kysely<DB>({ dialect: new AlbumlinkSqliteDialect({ database: withStatementCache(sqlite) }), plugins: [counter] })
  const otherCommits = sqlite.prepare('PRAGMA data_version').pluck()
  versions.set(db, () => `${counter.writes}:${String(otherCommits.get())}`)
  return db
}
