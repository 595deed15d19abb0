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

const versions = new WeakMap<Kysely<DB>, () => string>()

/**
 * The change version: differs whenever data a reader may see has changed —
 * after every write through this Kysely instance (counted before and after
 * it runs) and, through SQLite's data_version, after any commit by another
 * connection (a CLI index run). An instance without a signal gets a value
 * that never repeats, so nothing is kept for it.
 */
export function changeVersion(db: Kysely<DB>): string {
  return versions.get(db)?.() ?? `uncached-${Math.random()}`
}

class WriteCounter implements KyselyPlugin {
  writes = 0
  private readonly counted = new WeakSet<object>()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== 'SelectQueryNode') {
      this.writes++
      this.counted.add(args.queryId)
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
 * connection does not move SQLite's data_version either).
 */
export function uncountedWrites(db: Kysely<DB>): Kysely<DB> {
  let plain = uncountedOf.get(db)
  if (!plain) {
    plain = db.withoutPlugins()
    uncountedOf.set(db, plain)
  }
  return plain
}

/** The Kysely plugin that counts writes, and the registration of the version it makes with SQLite's own. */
export function changeSignal(sqlite: Database.Database): { plugin: KyselyPlugin; register: (db: Kysely<DB>) => void } {
  const counter = new WriteCounter()
  const otherCommits = sqlite.prepare('PRAGMA data_version').pluck()
  return {
    plugin: counter,
    register: db => {
      versions.set(db, () => `${counter.writes}:${String(otherCommits.get())}`)
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
    const versioned = `${changeVersion(this.db)}|${key}`
    const kept = this.entries.get(versioned)
    if (kept) return kept.value
    const value = await read()
    if (keep(value)) this.entries.set(versioned, { value })
    return value
  }
}
