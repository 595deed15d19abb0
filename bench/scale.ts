import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { DB } from '../src/db/schema.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { resolveGrant } from '../src/sharing/grants.ts'
import { generateSecret } from '../src/sharing/secrets.ts'
import { newUid, nowIso } from '../src/util/ids.ts'
import { listAlbums } from '../src/library/albums/albums.ts'
import { summarizeAlbum, summarizeAll } from '../src/library/albums/summaries.ts'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Row } from './report.ts'

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

/** The `p`th percentile of sorted times in ms, met under `limit` ms; the median beside it. */
const latencyRow = (benchmark: string, sorted: number[], p: number, limit: number): Row => ({
  benchmark,
  albumlink: percentile(sorted, p / 100),
  baseline: null,
  ratio: null,
  goal: `p${p} < ${limit} ms`,
  met: percentile(sorted, p / 100) < limit,
  extra: { 'p50 ms': percentile(sorted, 0.5) }
})

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500))
}

/** 100k photos, 10k albums of 10 photos, 10k links: the token look-up every visitor request makes. */
export async function benchTokenResolution(
  photos: number,
  albums: number,
  lookups: number
): Promise<{ rows: Row[]; plan: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-bench-scale-'))
  const sqlite = new Database(join(dir, 'scale.db'))
  sqlite.pragma('journal_mode = WAL')
  let lastSql = ''
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    lastSql = source
    return prepare(source)
  }) as typeof sqlite.prepare
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrateToLatest(db)
  const now = nowIso()
  await db.transaction().execute(async trx => {
    await insertInBatches(
      Array.from({ length: photos }, (_, i) => ({
        uid: newUid('p'),
        path: `f${i % 100}/p${i}.jpg`,
        hash: `h${i}`,
        mime: 'image/jpeg',
        bytes: 1,
        mtime_ms: 0,
        width: 1,
        height: 1,
        taken_at: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}T12:00:00`,
        folder: `f${i % 100}`,
        indexed_at: now,
        error: null
      })),
      async b => await trx.insertInto('photos').values(b).execute()
    )
    await insertInBatches(
      Array.from({ length: albums }, (_, i) => {
        const uid = newUid('a')
        return {
          uid,
          kind: 'album' as const,
          slug: `album-${i}`,
          title: `Album ${i}`,
          filter: uid,
          cover_photo_id: null,
          created_at: now,
          updated_at: now
        }
      }),
      async b => await trx.insertInto('albums').values(b).execute()
    )
    await insertInBatches(
      Array.from({ length: albums * 10 }, (_, i) => ({
        album_id: 1 + Math.floor(i / 10),
        photo_id: 1 + ((i * 7919) % photos)
      })),
      async b =>
        await trx
          .insertInto('album_photos')
          .values(b)
          .onConflict(oc => oc.doNothing())
          .execute()
    )
    await insertInBatches(
      Array.from({ length: albums }, (_, i) => ({
        token: generateSecret(),
        album_id: i + 1,
        created_at: now,
        updated_at: now
      })),
      async b => await trx.insertInto('links').values(b).execute()
    )
  })
  const links = await db
    .selectFrom('links')
    .innerJoin('albums', 'albums.id', 'links.album_id')
    .select(['links.token', 'albums.slug'])
    .execute()
  const times: number[] = []
  const at = new Date()
  for (let i = 0; i < lookups; i++) {
    const { token, slug } = links[(i * 7907) % links.length]
    const started = process.hrtime.bigint()
    if (!(await resolveGrant(db, { token, ref: slug }, at))) throw new Error('look-up missed a live link')
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  const plan = sqlite
    .prepare(`EXPLAIN QUERY PLAN ${lastSql}`)
    .all(...Array(lastSql.split('?').length - 1).fill('x'))
    .map(r => (r as { detail: string }).detail)
    .join('\n')
  const listRow = await listSummaryRow(db)
  const pageTimes = await albumPageLatencies(
    db,
    dir,
    links[0].token,
    links[0].slug,
    Math.max(50, Math.floor(lookups / 50))
  )
  await db.destroy()
  await rm(dir, { recursive: true, force: true })
  times.sort((a, b) => a - b)
  return {
    rows: [
      latencyRow(`visitor album page at that scale, p95 ms (sequential requests)`, pageTimes, 95, 30),
      latencyRow(
        `token look-up, ${photos / 1000}k photos / ${albums / 1000}k albums / ${albums / 1000}k links, p99 ms`,
        times,
        99,
        5
      ),
      listRow
    ],
    plan
  }
}

/**
 * The owner's Albums list page summarises every album: grouped queries against one query set per album (how it was
 * first built).
 */
async function listSummaryRow(db: Kysely<DB>): Promise<Row> {
  const albums = await listAlbums(db, 'album')
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    const started = process.hrtime.bigint()
    await run()
    return albums.length / (Number(process.hrtime.bigint() - started) / 1e9)
  }
  const baseline = await timed(
    async () => await Promise.all(albums.map(async a => await summarizeAlbum(db, a, 'owner')))
  )
  const grouped = await timed(async () => await summarizeAll(db, albums, 'owner'))
  return {
    benchmark: `owner list page summaries (count, dates, cover) of ${albums.length} albums, albums/s`,
    albumlink: grouped,
    baseline,
    ratio: grouped / baseline,
    goal: '≥ 5×',
    met: grouped / baseline >= 5,
    extra: { 'list ms': (albums.length / grouped) * 1000 }
  }
}

/** The visitor album page over the big database, one request at a time, as a browser would. */
async function albumPageLatencies(
  db: Kysely<DB>,
  dir: string,
  token: string,
  slug: string,
  requests: number
): Promise<number[]> {
  const app = await buildApp(
    loadConfig({ ALBUMLINK_DATA: dir, ALBUMLINK_ORIGINALS: dir, ALBUMLINK_LOG_LEVEL: 'silent' }),
    { db, logger: false }
  )
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/s/${token}/${slug}`
  const first = await fetch(url)
  const cookie = first.headers
    .getSetCookie()
    .map(c => c.split(';')[0])
    .join('; ')
  const times: number[] = []
  for (let i = 0; i < requests; i++) {
    const started = process.hrtime.bigint()
    const response = await fetch(url, { headers: { cookie } })
    await response.text()
    if (response.status !== 200) throw new Error(`album page answered ${response.status}`)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  await app.close()
  return times.sort((a, b) => a - b)
}
