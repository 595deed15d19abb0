import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { connectDb } from '../../src/db/connect.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { DB, Photo } from '../../src/db/schema.ts'
import { runIndex, type IndexStats } from '../../src/library/indexer/index.ts'

interface Hooks {
  before: (fn: () => Promise<void>) => void
  teardown: (fn: () => Promise<void>) => void
}

export interface IndexedLibrary {
  db: Kysely<DB>
  dir: string
  originals: string
  thumbs: string
  /** What the first index run reported. */
  stats: IndexStats
  byPath: Map<string, Photo>
  photo: (path: string) => Photo
  index: () => Promise<IndexStats>
}

/**
 * A library indexed once before a test file's tests (into a temp folder with
 * its own database) and removed after them; `prepare` returns the originals.
 */
export function indexedLibrary(t: Hooks, prepare: (dir: string) => Promise<string>): IndexedLibrary {
  const lib = { byPath: new Map<string, Photo>() } as IndexedLibrary
  lib.photo = path => {
    const found = lib.byPath.get(path)
    if (!found) throw new Error(`${path} was not indexed`)
    return found
  }
  lib.index = async () => await runIndex(lib.db, { originals: lib.originals, thumbsDir: lib.thumbs })
  t.before(async () => {
    lib.dir = await mkdtemp(join(tmpdir(), 'albumlink-indexed-'))
    lib.originals = await prepare(lib.dir)
    lib.thumbs = join(lib.dir, 'thumbs')
    lib.db = connectDb(join(lib.dir, 'albumlink.db'))
    await migrateToLatest(lib.db)
    lib.stats = await lib.index()
    for (const p of await lib.db.selectFrom('photos').selectAll().execute()) lib.byPath.set(p.path, p)
  })
  t.teardown(async () => {
    await lib.db.destroy()
    await rm(lib.dir, { recursive: true, force: true })
  })
  return lib
}
