import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCameraJpegs } from './fixtures.ts'
import { copyHeicFiles, writeVideos } from './media-fixtures.ts'
import { medianBy, pool, timed } from './timing.ts'
import { thumbs } from './thumbs-baseline.ts'
import { connectDb } from '../src/db/connect.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { runIndex } from '../src/library/indexer/index.ts'
import { decodeHeif } from '../src/library/media/heic.ts'
import { toolPaths } from '../src/library/media/tools.ts'
import { writePosterThumbnails } from '../src/library/media/poster.ts'
import type { Row } from './report.ts'

const tools = toolPaths()

async function indexSeconds(originals: string, work: string): Promise<number> {
  const db = connectDb(join(work, `${Date.now()}.db`))
  await migrateToLatest(db)
  const seconds = await timed(async () => await runIndex(db, { originals, thumbsDir: join(work, 'thumbs') }))
  await db.destroy()
  await rm(join(work, 'thumbs'), { recursive: true, force: true })
  return seconds
}

const median = (values: number[]): number => medianBy(values, v => v)

/**
 * ffmpeg alone making the same posters: the one ffmpeg pass albumlink runs per video (the frame a second in as the
 * 1600 px view and the 360 px tile, WebP), without hashing, probing or the database; two videos at a time.
 */
async function ffmpegPosters(files: string[], out: string): Promise<void> {
  await pool(files, 2, async (file, i) => {
    await writePosterThumbnails(tools.ffmpeg, file, out, `baseline-${i}`)
  })
}

/**
 * Indexing a phone's mixed folder: camera JPEGs against sharp alone, HEIC
 * against libheif + sharp alone, videos against ffmpeg alone making the same
 * posters; each part indexed on its own, then the whole folder at once.
 */
export async function benchMediaIndexing(
  jpegs: number,
  heics: number,
  videos: number,
  videoSeconds: number,
  size = { width: 1920, height: 1080 },
  videoRounds = 5
): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-bench-media-'))
  const originals = join(dir, 'originals')
  const jpegFiles = await writeCameraJpegs(join(originals, 'jpeg'), jpegs)
  const heicFiles = await copyHeicFiles(join(originals, 'heic'), heics)
  const videoFiles = await writeVideos(tools, join(originals, 'video'), videos, videoSeconds, size)
  const work = join(dir, 'work')
  const out = join(dir, 'baseline')
  await mkdir(work)
  await mkdir(out)
  // Ten videos take about two seconds, so one slow process start moves a single measurement by a tenth: the video
  // figures are the median of rounds that alternate albumlink and the baseline.
  const video = { index: [] as number[], base: [] as number[] }
  for (let round = 0; round < videoRounds; round++) {
    video.index.push(await indexSeconds(join(originals, 'video'), work))
    video.base.push(await timed(async () => await ffmpegPosters(videoFiles, out)))
  }
  const part = {
    jpeg: await indexSeconds(join(originals, 'jpeg'), work),
    heic: await indexSeconds(join(originals, 'heic'), work),
    video: median(video.index)
  }
  const whole = await indexSeconds(originals, work)
  const base = {
    jpeg: await timed(async () => {
      await pool(jpegFiles, 2, async (f, i) => {
        await thumbs(f, {}, join(out, `j${i}.webp`))
      })
    }),
    heic: await timed(async () => {
      await pool(heicFiles, 2, async (f, i) => {
        const raw = await decodeHeif(await readFile(f))
        await thumbs(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } }, join(out, `h${i}.webp`))
      })
    }),
    video: median(video.base)
  }
  await rm(dir, { recursive: true, force: true })
  const row = (what: string, n: number, seconds: number, baseSeconds: number, baseline: string): Row => ({
    benchmark: `indexing ${what}, ${what.includes('video') ? 'videos' : 'photos'}/s`,
    albumlink: n / seconds,
    baseline: n / baseSeconds,
    ratio: baseSeconds / seconds,
    goal: `≥ 0.8× of ${baseline}`,
    met: baseSeconds / seconds >= 0.8
  })
  return [
    row(`${jpegs} camera JPEGs of a mixed folder`, jpegs, part.jpeg, base.jpeg, 'sharp alone'),
    row(
      `${heics} HEIC/HEIF phone photos`,
      heics,
      part.heic,
      base.heic,
      'libheif (WebAssembly, the same worker threads) + sharp alone'
    ),
    row(
      `${videos} ${videoSeconds}-second ${size.height}p videos`,
      videos,
      part.video,
      base.video,
      `ffmpeg alone making the same two WebP posters (median of ${videoRounds} alternating rounds)`
    ),
    {
      benchmark: `indexing the whole mixed folder (${jpegs + heics + videos} files), files/s`,
      albumlink: (jpegs + heics + videos) / whole,
      baseline: (jpegs + heics + videos) / (base.jpeg + base.heic + base.video),
      ratio: (base.jpeg + base.heic + base.video) / whole,
      goal: '≥ 0.8× of the three baselines in a row',
      met: (base.jpeg + base.heic + base.video) / whole >= 0.8
    }
  ]
}
