import { mkdtemp, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCameraJpegs } from './fixtures.ts'
import { compareInTurns, rowOfTurns } from './load.ts'
import { startAlbumlinkProcess, shareAndOpen } from './app-under-test.ts'
import { startServerProcess } from './server-process.ts'
import { thumbPath } from '../src/library/indexer/thumbnails.ts'
import type { Row } from './report.ts'

/**
 * Visitor album page (100 photos) against bare Fastify sending the same bytes
 * from memory, and a thumbnail with the full grant check against
 * @fastify/static; each server in a process of its own, autocannon in a third, the two loaded in turns.
 */
export async function benchVisitorServing(seconds: number, rounds: number): Promise<Row[]> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-web-'))
  await writeCameraJpegs(join(originals, 'trip'), 100, 1200, 800)
  const run = await startAlbumlinkProcess(originals)
  const baselineDir = await mkdtemp(join(tmpdir(), 'albumlink-bench-static-'))
  let baseline: Awaited<ReturnType<typeof startServerProcess>> | undefined
  try {
    const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'trip')
    const html = await (await fetch(albumUrl, { headers: { cookie } })).text()
    await writeFile(join(baselineDir, 'page.html'), html)
    const photo = await run.db
      .selectFrom('photos')
      .select(['uid', 'hash'])
      .orderBy('taken_at')
      .executeTakeFirstOrThrow()
    await copyFile(thumbPath(run.config.thumbsDir, photo.hash ?? '', 'tile'), join(baselineDir, 'tile.webp'))
    baseline = await startServerProcess('bench/baseline-process.ts', [baselineDir, join(baselineDir, 'page.html')])

    const headers = { cookie }
    const turns = { seconds, rounds }
    const page = await compareInTurns({ url: albumUrl, headers }, { url: `${baseline.origin}/page` }, turns)
    const thumb = await compareInTurns(
      { url: `${albumUrl}/${photo.uid}/thumb/tile`, headers },
      { url: `${baseline.origin}/static/tile.webp` },
      turns
    )
    return [
      rowOfTurns(
        `visitor album page, 100 photos (${(html.length / 1024).toFixed(0)} KB), req/s`,
        page,
        0.5,
        'bare Fastify sending the same bytes from memory'
      ),
      rowOfTurns('visitor thumbnail with grant check, req/s', thumb, 0.8, '@fastify/static')
    ]
  } finally {
    await baseline?.close()
    await run.close()
  }
}
