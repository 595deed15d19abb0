import { mkdtemp, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCameraJpegs } from './fixtures.ts'
import { load, type LoadResult } from './load.ts'
import { startAlbumlinkProcess, shareAndOpen } from './app-under-test.ts'
import { startServerProcess } from './server-process.ts'
import { thumbPath } from '../src/library/indexer/thumbnails.ts'
import type { Row } from './report.ts'

/** albumlink's requests a second against the baseline's, met at `least` times the baseline or more. */
const row = (benchmark: string, albumlink: LoadResult, baseline: LoadResult, least: number, of: string): Row => ({
  benchmark,
  albumlink: albumlink.rps,
  baseline: baseline.rps,
  ratio: albumlink.rps / baseline.rps,
  goal: `≥ ${least}× of ${of}`,
  met: albumlink.rps / baseline.rps >= least,
  extra: { p99_ms: albumlink.p99 }
})

/**
 * Visitor album page (100 photos) against bare Fastify sending the same bytes
 * from memory, and a thumbnail with the full grant check against
 * @fastify/static; each server in a process of its own, autocannon in a third.
 */
export async function benchVisitorServing(seconds: number): Promise<Row[]> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-web-'))
  await writeCameraJpegs(join(originals, 'trip'), 100, 1200, 800)
  const run = await startAlbumlinkProcess(originals)
  const baselineDir = await mkdtemp(join(tmpdir(), 'albumlink-bench-static-'))
  let baseline: Awaited<ReturnType<typeof startServerProcess>> | undefined
  try {
    const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'trip')
    const page = await (await fetch(albumUrl, { headers: { cookie } })).text()
    await writeFile(join(baselineDir, 'page.html'), page)
    const photo = await run.db
      .selectFrom('photos')
      .select(['uid', 'hash'])
      .orderBy('taken_at')
      .executeTakeFirstOrThrow()
    await copyFile(thumbPath(run.config.thumbsDir, photo.hash ?? '', 'tile'), join(baselineDir, 'tile.webp'))
    baseline = await startServerProcess('bench/baseline-process.ts', [baselineDir, join(baselineDir, 'page.html')])

    const pageAl = await load(albumUrl, { seconds, headers: { cookie } })
    const pageBase = await load(`${baseline.origin}/page`, { seconds })
    const thumbAl = await load(`${albumUrl}/${photo.uid}/thumb/tile`, { seconds, headers: { cookie } })
    const thumbBase = await load(`${baseline.origin}/static/tile.webp`, { seconds })
    return [
      row(
        `visitor album page, 100 photos (${(page.length / 1024).toFixed(0)} KB), req/s`,
        pageAl,
        pageBase,
        0.5,
        'bare Fastify sending the same bytes from memory'
      ),
      row('visitor thumbnail with grant check, req/s', thumbAl, thumbBase, 0.8, '@fastify/static')
    ]
  } finally {
    await baseline?.close()
    await run.close()
  }
}
