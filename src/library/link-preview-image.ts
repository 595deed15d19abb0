import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { thumbPath } from './indexer/thumbnails.ts'

/** The size chat apps and social sites show large (Open Graph's 1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 }
const GAP = 4
const BACKGROUND = { r: 24, g: 24, b: 28 }
/** Part of every cache key: bump it when the layout or encoding changes, so old files are not served. */
const LAYOUT_VERSION = 1

export interface Tile {
  left: number
  top: number
  width: number
  height: number
}

const W = PREVIEW_SIZE.width
const H = PREVIEW_SIZE.height
const HALF_W = (W - GAP) / 2
const HALF_H = Math.floor((H - GAP) / 2)
const RIGHT = W - HALF_W
const LOWER = H - HALF_H

/** One photo fills the image; two side by side; three as one large and two stacked; four in a 2×2 grid. */
export function collageTiles(count: number): Tile[] {
  const left = { left: 0, top: 0, width: HALF_W, height: H }
  const right = { left: RIGHT, top: 0, width: HALF_W, height: H }
  const quarter = (l: number, t: number): Tile => ({ left: l, top: t, width: HALF_W, height: HALF_H })
  switch (count) {
    case 1:
      return [{ left: 0, top: 0, width: W, height: H }]
    case 2:
      return [left, right]
    case 3:
      return [left, quarter(RIGHT, 0), quarter(RIGHT, LOWER)]
    default:
      return [quarter(0, 0), quarter(RIGHT, 0), quarter(0, LOWER), quarter(RIGHT, LOWER)]
  }
}

/** The cache key: the photos' content hashes in order, and the layout version. */
export const previewKey = (hashes: readonly string[]): string =>
  createHash('sha256')
    .update(`preview-v${LAYOUT_VERSION}|${hashes.join(',')}`)
    .digest('hex')

export const previewPath = (thumbsDir: string, key: string): string =>
  join(thumbsDir, 'previews', key.slice(0, 2), `${key}.jpg`)

const making = new Map<string, Promise<Buffer | null>>()

/**
 * The link-preview JPEG of these photos (at most four content hashes), made
 * with sharp from their view thumbnails and kept on disk by content: the
 * same photos give the same file, read back instead of made again. Null when
 * no thumbnail could be read. Requests for an image being made wait for it.
 */
export async function linkPreviewImage(thumbsDir: string, hashes: readonly string[]): Promise<Buffer | null> {
  const path = previewPath(thumbsDir, previewKey(hashes))
  const cached = await readFile(path).catch(() => null)
  if (cached) return cached
  let job = making.get(path)
  if (!job) {
    job = makePreview(thumbsDir, hashes, path).finally(() => making.delete(path))
    making.set(path, job)
  }
  return await job
}

async function makePreview(thumbsDir: string, hashes: readonly string[], path: string): Promise<Buffer | null> {
  const read = await Promise.all(
    hashes.map(async hash => await readFile(thumbPath(thumbsDir, hash, 'view')).catch(() => null))
  )
  const views = read.flatMap(view => (view === null ? [] : [view]))
  if (views.length === 0) return null
  const tiles = collageTiles(views.length)
  const parts = await Promise.all(
    views.map(async (view, i) => ({
      input: await sharp(view).resize({ width: tiles[i].width, height: tiles[i].height, fit: 'cover' }).toBuffer(),
      left: tiles[i].left,
      top: tiles[i].top
    }))
  )
  const jpeg = await sharp({ create: { ...PREVIEW_SIZE, channels: 3, background: BACKGROUND } })
    .composite(parts)
    .jpeg({ quality: 80 })
    .toBuffer()
  // A thumbnail missing for now (still being made) must not fix a smaller collage under this key.
  if (views.length === hashes.length) {
    await mkdir(dirname(path), { recursive: true })
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    await writeFile(temporary, jpeg)
    await rename(temporary, path)
  }
  return jpeg
}
