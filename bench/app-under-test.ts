import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { buildApp } from '../src/app.ts'
import { loadConfig, type Config } from '../src/config.ts'
import { connectDb } from '../src/db/connect.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import type { DB } from '../src/db/schema.ts'
import { runIndex } from '../src/library/indexer/index.ts'
import { createLink } from '../src/sharing/links.ts'
import type { LimitSettings } from '../src/plugins/limits.ts'
import { startServerProcess } from './server-process.ts'

export interface Running {
  app?: FastifyInstance
  db: Kysely<DB>
  config: Config
  origin: string
  close: () => Promise<void>
}

/** albumlink on a fresh data dir over the given originals, listening on an ephemeral port. */
export async function startAlbumlink(
  originals: string,
  index = true,
  limits?: Partial<LimitSettings>
): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-bench-'))
  const config = loadConfig({ ALBUMLINK_DATA: dir, ALBUMLINK_ORIGINALS: originals, ALBUMLINK_LOG_LEVEL: 'silent' })
  const db = connectDb(config.database)
  await migrateToLatest(db)
  if (index) await runIndex(db, { originals, thumbsDir: config.thumbsDir })
  const app = await buildApp(config, { db, logger: false, limits })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    app,
    db,
    config,
    origin,
    close: async () => {
      await app.close()
      await db.destroy()
    }
  }
}

/**
 * albumlink as `npm start` runs it, in a process of its own, over a data
 * folder indexed here first; `db` is this process's handle on the same
 * database (its SQLite file, or the PostgreSQL database given).
 */
export async function startAlbumlinkProcess(originals: string, database?: string): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-bench-'))
  const env = {
    ...(database ? { ALBUMLINK_DATABASE_URL: database } : {}),
    ALBUMLINK_DATA: dir,
    ALBUMLINK_ORIGINALS: originals,
    ALBUMLINK_LOG_LEVEL: 'silent',
    ALBUMLINK_PORT: '0',
    ALBUMLINK_PASSWORD: 'bench-owner-password'
  }
  const config = loadConfig(env)
  const db = connectDb(config.database)
  await migrateToLatest(db)
  await runIndex(db, { originals, thumbsDir: config.thumbsDir })
  const server = await startServerProcess('src/cli.ts', ['serve'], env)
  return {
    db,
    config,
    origin: server.origin,
    close: async () => {
      await server.close()
      await db.destroy()
    }
  }
}

/** Shares the album with the given filter and opens it as a visitor; returns its URL and the visitor cookie. */
export async function shareAndOpen(
  run: Running,
  kind: 'folder' | 'month',
  filter: string
): Promise<{ albumUrl: string; cookie: string }> {
  const album = await run.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', kind)
    .where('filter', '=', filter)
    .executeTakeFirstOrThrow()
  const link = await createLink(run.db, album.id, 'bench')
  const albumUrl = `${run.origin}/s/${link.token}/${album.uid}`
  const response = await fetch(albumUrl, { redirect: 'manual' })
  const cookie = response.headers
    .getSetCookie()
    .map(c => c.split(';')[0])
    .join('; ')
  if (response.status !== 200 || !cookie) throw new Error(`could not open ${albumUrl}: ${response.status}`)
  return { albumUrl, cookie }
}
