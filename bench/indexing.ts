import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { writeCameraJpegs } from './fixtures.ts'
import { thumbs } from './thumbs-baseline.ts'
import { pool, timed } from './timing.ts'
import { connectDb } from '../src/db/connect.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { runIndex } from '../src/library/indexer/index.ts'
import type { Row } from './report.ts'

const run = promisify(execFile)

/** Just sharp: the same two WebP sizes from the same files, two at a time (both cores). */
async function sharpAlone(files: string[], out: string): Promise<void> {
  await pool(files, 2, async (file, i) => {
    await thumbs(file, {}, join(out, `${i}-tile.webp`))
  })
}

const hasVipsthumbnail = async (): Promise<boolean> =>
  await run('vipsthumbnail', ['--vips-version']).then(
    () => true,
    () => false
  )

async function vipsthumbnail(files: string[], out: string): Promise<void> {
  await pool(files, 2, async (file, i) => {
    await run('vipsthumbnail', [file, '-s', '1600x1600', '-o', join(out, `${i}-view.webp[Q=80]`)])
    await run('vipsthumbnail', [file, '-s', '360x360', '-o', join(out, `${i}-tile.webp[Q=75]`)])
  })
}

export async function benchIndexing(count: number): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-bench-index-'))
  const files = await writeCameraJpegs(join(dir, 'originals'), count)
  const db = connectDb(join(dir, 'albumlink.db'))
  await migrateToLatest(db)
  const albumlinkSeconds = await timed(
    async () => await runIndex(db, { originals: join(dir, 'originals'), thumbsDir: join(dir, 'thumbs') })
  )
  await db.destroy()
  await mkdir(join(dir, 'sharp'))
  const sharpSeconds = await timed(async () => await sharpAlone(files, join(dir, 'sharp')))
  await mkdir(join(dir, 'vips'))
  const vipsSeconds = (await hasVipsthumbnail())
    ? await timed(async () => await vipsthumbnail(files, join(dir, 'vips')))
    : null
  await rm(dir, { recursive: true, force: true })
  const rate = (s: number): number => count / s
  return [
    {
      benchmark: `indexing ${count} camera JPEGs (3000×2000), photos/s`,
      albumlink: rate(albumlinkSeconds),
      baseline: rate(sharpSeconds),
      ratio: sharpSeconds / albumlinkSeconds,
      goal: '≥ 0.8× of sharp alone, faster than vipsthumbnail',
      met: sharpSeconds / albumlinkSeconds >= 0.8 && (vipsSeconds === null || albumlinkSeconds < vipsSeconds),
      extra: {
        'vipsthumbnail photos/s':
          vipsSeconds === null ? 'not installed (apt-get install libvips-tools)' : rate(vipsSeconds)
      }
    }
  ]
}
