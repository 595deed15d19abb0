import { AsyncLocalStorage } from 'node:async_hooks'
import type Database from 'better-sqlite3'
import { LRUCache } from 'lru-cache'
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow
} from 'kysely'
import type { DB } from './schema.ts'

/** Where a connection's change version comes from. */
interface VersionSource {
  version: () => string | Promise<string>
}

const sources = new WeakMap<Kysely<DB>, VersionSource>()

/** The database's version, read once per request at most (see withRequestScope). */
const requestMemo = new AsyncLocalStorage<Map<object, Promise<number>>>()

/**
 * Runs `next` (the rest of a request) with its own memo of versions read from
 * PostgreSQL: a thumbnail that consults two caches reads the version once.
 */
export function withRequestScope(next: () => void): void {
  requestMemo.run(new Map(), next)
}

/**
 * The change version: differs whenever data a reader may see has changed.
 * It moves after every write through this Kysely instance (counted before
 * and after it runs) and after any commit by another connection: SQLite's
 * data_version, or on PostgreSQL the row that statement triggers bump
 * (migration 0007), so every instance sees every other's writes. An instance
 * without a signal gets a value that never repeats, so nothing is kept for it.
 */
export async function changeVersion(db: Kysely<DB>): Promise<string> {
  return (await sources.get(db)?.version()) ?? `uncached-${Math.random()}`
}

class WriteCounter implements KyselyPlugin {
  writes = 0
  private readonly counted = new WeakSet<object>()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== 'SelectQueryNode') {
      this.writes++
      this.counted.add(args.queryId)
      requestMemo.getStore()?.delete(this)
    }
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.counted.has(args.queryId)) this.writes++
    return args.result
  }
}

const uncountedOf = new WeakMap<Kysely<DB>, Kysely<DB>>()

/**
 * The same connection without the write counter, for writes no cache reads:
 * link statistics and visit admissions. They leave the change version alone,
 * so rendered pages and membership answers stay cached (a commit on the same
 * connection does not move SQLite's data_version either, and the PostgreSQL
 * triggers leave out the statistics columns).
 */
export function uncountedWrites(db: Kysely<DB>): Kysely<DB> {
  let plain = uncountedOf.get(db)
  if (!plain) {
    plain = db.withoutPlugins()
    uncountedOf.set(db, plain)
  }
  return plain
}

interface ChangeSignal {
  plugin: KyselyPlugin
  register: (db: Kysely<DB>) => void
}

/** SQLite: this connection's writes, and data_version for commits by other connections (a CLI index run). */
export function sqliteChangeSignal(sqlite: Database.Database): ChangeSignal {
  const counter = new WriteCounter()
  const otherCommits = sqlite.prepare('PRAGMA data_version').pluck()
  return {
    plugin: counter,
    register: db => {
      sources.set(db, { version: () => `${counter.writes}:${String(otherCommits.get())}` })
    }
  }
}

/**
 * PostgreSQL: this instance's writes, and the shared version row that every instance's writes bump (`read`, one
 * round trip, at most once per request).
 */
export function postgresChangeSignal(read: () => Promise<number>): ChangeSignal {
  const counter = new WriteCounter()
  return {
    plugin: counter,
    register: db => {
      sources.set(db, {
        version: async () => {
          const memo = requestMemo.getStore()
          let value = memo?.get(counter)
          if (!value) {
            value = read()
            memo?.set(counter, value)
          }
          return `${counter.writes}:${await value}`
        }
      })
    }
  }
}

/**
 * Values read from the database, kept (least recently used dropped first)
 * until the change version moves: a photo made private or a link deleted is
 * gone from every cache at the next request. This module is the only code
 * that knows how the database signals a change.
 */
export class ReadCache<T> {
  private readonly entries: LRUCache<string, { value: T }>

  constructor(
    private readonly db: Kysely<DB>,
    size: number
  ) {
    this.entries = new LRUCache({ max: size })
  }

  /** The value kept for `key` at the current version, else `read()`'s, kept when `keep` says so. */
  async get(key: string, read: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    // Taken before reading: a write during the read files the value under a version already gone.
    const versioned = `${await changeVersion(this.db)}|${key}`
    const kept = this.entries.get(versioned)
    if (kept) return kept.value
    const value = await read()
    if (keep(value)) this.entries.set(versioned, { value })
    return value
  }
}
