import { get } from 'node:http'
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAlbumlink, shareAndOpen } from './app-under-test.ts'
import { writeVideos } from './media-fixtures.ts'
import { IndexState } from '../src/library/index-state.ts'
import { makeRenditions } from '../src/library/library-jobs.ts'
import { toolPaths } from '../src/library/media/tools.ts'
import type { Row } from './report.ts'

/** Milliseconds from request to the first body byte of a Range request. */
async function firstByte(url: string, cookie: string, range: string): Promise<number> {
  const started = process.hrtime.bigint()
  return await new Promise((resolve, reject) => {
    const req = get(url, { headers: { cookie, range } }, res => {
      if (res.statusCode !== 206) {
        reject(new Error(`${url}: ${res.statusCode}`))
        return
      }
      res.once('data', () => {
        resolve(Number(process.hrtime.bigint() - started) / 1e6)
        res.destroy()
      })
      res.on('error', () => {})
    })
    req.on('error', reject)
  })
}

/** Resident memory of this process and its children (ffmpeg), from /proc. */
async function treeRss(): Promise<number> {
  let total = process.memoryUsage().rss
  const children = (await readFile(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').catch(() => ''))
    .trim()
    .split(/\s+/)
    .filter(Boolean)
  for (const pid of children) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
  }
  return total
}

/**
 * A shared 1080p video: the first byte of Range requests at random offsets
 * (p95), and memory while its HEVC twin is transcoded to H.264 (this process
 * and ffmpeg together).
 */
export async function benchVideoServing(
  requests: number,
  seconds: number,
  size = { width: 1920, height: 1080 }
): Promise<Row[]> {
  const tools = toolPaths()
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-video-'))
  const [mp4] = await writeVideos(tools, join(originals, 'clips'), 1, seconds, size)
  await writeVideos(tools, join(originals, 'hevc'), 1, seconds, size, 'hevc')
  const bytes = (await readFile(mp4)).length
  const run = await startAlbumlink(originals)
  try {
    const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'clips')
    const photo = await run.db
      .selectFrom('photos')
      .select('uid')
      .where('path', 'like', 'clips/%')
      .executeTakeFirstOrThrow()
    const url = `${albumUrl}/${photo.uid}/video`
    const times: number[] = []
    for (let i = 0; i < requests; i++) {
      const start = Math.floor((((i * 7919) % 1000) / 1000) * (bytes - 1))
      times.push(await firstByte(url, cookie, `bytes=${start}-`))
    }
    times.sort((a, b) => a - b)
    const p = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]

    global.gc?.()
    const before = await treeRss()
    let peak = before
    const sampler = setInterval(() => {
      void treeRss().then(rss => {
        peak = Math.max(peak, rss)
      })
    }, 50)
    const started = process.hrtime.bigint()
    await makeRenditions(run.db, run.config, new IndexState())
    const transcodeSeconds = Number(process.hrtime.bigint() - started) / 1e9
    clearInterval(sampler)
    const made = (await readdir(run.config.thumbsDir, { recursive: true })).some(f => f.endsWith('-video.mp4'))
    return [
      {
        benchmark: `first byte of a Range request to a ready ${seconds}-second ${size.height}p video, p95 ms`,
        albumlink: p(0.95),
        baseline: null,
        ratio: null,
        goal: 'p95 < 50 ms',
        met: p(0.95) < 50,
        extra: { p50_ms: p(0.5), requests }
      },
      {
        benchmark: `memory growth while transcoding a ${seconds}-second ${size.height}p HEVC video to H.264, MB (server + ffmpeg)`,
        albumlink: (peak - before) / 2 ** 20,
        baseline: null,
        ratio: null,
        goal: '< 200 MB',
        met: made && (peak - before) / 2 ** 20 < 200,
        extra: { seconds: transcodeSeconds, 'rendition made': made ? 'yes' : 'no' }
      }
    ]
  } finally {
    await run.close()
    await rm(originals, { recursive: true, force: true })
  }
}
