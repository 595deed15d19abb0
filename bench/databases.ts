import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCameraJpegs } from './fixtures.ts'
import { load } from './load.ts'
import { startAlbumlinkProcess, shareAndOpen, type Running } from './app-under-test.ts'
import { freshPostgres } from '../test/databases.ts'
import type { Row } from './report.ts'

/**
 * One instance on PostgreSQL against one on SQLite, same photos, same run:
 * the visitor album page and a thumbnail (grant check included). Needs a
 * server: ALBUMLINK_TEST_DATABASE_URL, as for the tests.
 */
export async function benchDatabases(seconds: number): Promise<Row[]> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-db-'))
  await writeCameraJpegs(join(originals, 'trip'), 100, 1200, 800)
  const database = await freshPostgres()
  const runs: Running[] = []
  try {
    const sqlite = await startAlbumlinkProcess(originals)
    runs.push(sqlite)
    const postgres = await startAlbumlinkProcess(originals, database.url)
    runs.push(postgres)
    const measure = async (run: Running): Promise<{ page: number; thumb: number; thumbP99: number }> => {
      const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'trip')
      const photo = await run.db.selectFrom('photos').select('uid').orderBy('taken_at').executeTakeFirstOrThrow()
      const page = await load(albumUrl, { seconds, headers: { cookie } })
      const thumb = await load(`${albumUrl}/${photo.uid}/thumb/tile`, { seconds, headers: { cookie } })
      return { page: page.rps, thumb: thumb.rps, thumbP99: thumb.p99 }
    }
    const onSqlite = await measure(sqlite)
    const onPostgres = await measure(postgres)
    const row = (what: string, pg: number, lite: number): Row => ({
      benchmark: `${what} on PostgreSQL (one instance), req/s`,
      albumlink: pg,
      baseline: lite,
      ratio: pg / lite,
      goal: '≥ 0.5× of the same on SQLite',
      met: pg / lite >= 0.5
    })
    return [
      row('visitor album page, 100 photos,', onPostgres.page, onSqlite.page),
      { ...row('visitor thumbnail', onPostgres.thumb, onSqlite.thumb), extra: { p99_ms: onPostgres.thumbP99 } }
    ]
  } finally {
    for (const run of runs) await run.close()
    await database.drop()
  }
}
