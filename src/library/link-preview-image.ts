import { createHash } from 'node:crypto'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Storage } from '../storage/storage.ts'
import { thumbKey } from './indexer/thumbnails.ts'

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

/** The storage key of a preview image, by its cache key. */
export const previewObjectKey = (key: string): string => `previews/${key.slice(0, 2)}/${key}.jpg`

export const previewPath = (thumbsDir: string, key: string): string => join(thumbsDir, previewObjectKey(key))

const making = new Map<string, Promise<Buffer | null>>()

/**
 * The link-preview JPEG of these photos (at most four content hashes), made
 * with sharp from their view thumbnails and kept in the store by content: the
 * same photos give the same file, read back instead of made again. Null when
 * no thumbnail could be read. Requests for an image being made wait for it.
 */
export async function linkPreviewImage(storage: Storage, hashes: readonly string[]): Promise<Buffer | null> {
  const key = previewObjectKey(previewKey(hashes))
  const cached = await storage.get(key)
  if (cached) return cached
  let job = making.get(key)
  if (!job) {
    job = makePreview(storage, hashes, key).finally(() => making.delete(key))
    making.set(key, job)
  }
  return await job
}

async function makePreview(storage: Storage, hashes: readonly string[], key: string): Promise<Buffer | null> {
  const read = await Promise.all(hashes.map(async hash => await storage.get(thumbKey(hash, 'view'))))
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
  if (views.length === hashes.length) await storage.put(key, jpeg)
  return jpeg
}
