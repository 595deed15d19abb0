import { get } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeLargeFiles } from './fixtures.ts'
import { startAlbumlink, shareAndOpen } from './app-under-test.ts'
import { startStatic } from './baseline-server.ts'
import { syncDerivedAlbums } from '../src/library/albums/derived.ts'
import { newUid, nowIso } from '../src/util/ids.ts'
import type { Row } from './report.ts'

interface Download {
  bytes: number
  seconds: number
  peakRssGrowth: number
}

/** Reads a URL to the end, sampling this process's RSS (the server runs here) while it streams. */
async function download(url: string, cookie = ''): Promise<Download> {
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const started = process.hrtime.bigint()
  const bytes = await new Promise<number>((resolve, reject) => {
    get(url, { headers: { cookie } }, res => {
      if (res.statusCode !== 200) {
        reject(new Error(`${url}: ${res.statusCode}`))
        return
      }
      let n = 0
      res.on('data', (chunk: Buffer) => {
        n += chunk.length
      })
      res.on('end', () => resolve(n))
      res.on('error', reject)
    }).on('error', reject)
  })
  clearInterval(sampler)
  return {
    bytes,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakRssGrowth: (peak - rssBefore) / 2 ** 20
  }
}

/**
 * Zip of a large album (files inserted as photos directly: the zip only streams bytes) against one file of the same
 * size.
 */
export async function benchZip(files: number, mibEach: number): Promise<Row[]> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-zip-'))
  const paths = await writeLargeFiles(join(originals, 'big'), files, mibEach * 2 ** 20)
  const single = await mkdtemp(join(tmpdir(), 'albumlink-bench-one-'))
  await writeLargeFiles(single, 1, files * mibEach * 2 ** 20)
  const run = await startAlbumlink(originals, false)
  const baseline = await startStatic(single)
  try {
    await run.db
      .insertInto('photos')
      .values(
        paths.map((p, i) => ({
          uid: newUid('p'),
          path: `big/${p.split('/').pop() ?? ''}`,
          hash: `bench${i}`,
          mime: 'image/jpeg',
          bytes: mibEach * 2 ** 20,
          mtime_ms: 0,
          width: 1,
          height: 1,
          taken_at: `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}`,
          folder: 'big',
          indexed_at: nowIso(),
          error: null
        }))
      )
      .execute()
    await syncDerivedAlbums(run.db)
    const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'big')
    const zip = await download(`${albumUrl}/download`, cookie)
    const plain = await download(`${baseline.origin}/big-000.jpg`)
    const mbps = (d: Download): number => d.bytes / 2 ** 20 / d.seconds
    return [
      {
        benchmark: `zip download, ${(zip.bytes / 2 ** 30).toFixed(2)} GiB album (${files} files), MB/s`,
        albumlink: mbps(zip),
        baseline: mbps(plain),
        ratio: mbps(zip) / mbps(plain),
        goal: '≥ 0.8×, RSS growth < 64 MB',
        met: mbps(zip) / mbps(plain) >= 0.8 && zip.peakRssGrowth < 64,
        extra: { 'peak RSS growth MB': zip.peakRssGrowth, 'baseline RSS growth MB': plain.peakRssGrowth }
      }
    ]
  } finally {
    await run.close()
    await baseline.app.close()
    await rm(originals, { recursive: true, force: true })
    await rm(single, { recursive: true, force: true })
  }
}
