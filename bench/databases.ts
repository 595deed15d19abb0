import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCameraJpegs } from './fixtures.ts'
import { compareInTurns, rowOfTurns, type Target } from './load.ts'
import { startAlbumlinkProcess, shareAndOpen, type Running } from './app-under-test.ts'
import { freshPostgres } from '../test/databases.ts'
import type { Row } from './report.ts'

/**
 * One instance on PostgreSQL against one on SQLite, same photos, same run:
 * the visitor album page and a thumbnail (grant check included). Needs a
 * server: ALBUMLINK_TEST_DATABASE_URL, as for the tests. The two are loaded in turns.
 */
export async function benchDatabases(seconds: number, rounds: number): Promise<Row[]> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-db-'))
  await writeCameraJpegs(join(originals, 'trip'), 100, 1200, 800)
  const database = await freshPostgres()
  const runs: Running[] = []
  try {
    const sqlite = await startAlbumlinkProcess(originals)
    runs.push(sqlite)
    const postgres = await startAlbumlinkProcess(originals, database.url)
    runs.push(postgres)
    const target = async (run: Running): Promise<{ page: Target; thumb: Target }> => {
      const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'trip')
      const photo = await run.db.selectFrom('photos').select('uid').orderBy('taken_at').executeTakeFirstOrThrow()
      return {
        page: { url: albumUrl, headers: { cookie } },
        thumb: { url: `${albumUrl}/${photo.uid}/thumb/tile`, headers: { cookie } }
      }
    }
    const [onPostgres, onSqlite] = [await target(postgres), await target(sqlite)]
    const page = await compareInTurns(onPostgres.page, onSqlite.page, { seconds, rounds })
    const thumb = await compareInTurns(onPostgres.thumb, onSqlite.thumb, { seconds, rounds })
    const sameOnSqlite = 'the same on SQLite'
    return [
      rowOfTurns('visitor album page, 100 photos, on PostgreSQL (one instance), req/s', page, 0.5, sameOnSqlite),
      rowOfTurns('visitor thumbnail on PostgreSQL (one instance), req/s', thumb, 0.5, sameOnSqlite)
    ]
  } finally {
    for (const run of runs) await run.close()
    await database.drop()
  }
}
