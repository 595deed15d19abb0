import { join } from 'node:path'
import sharp, { type Sharp } from 'sharp'
import type { RawImage } from '../media/heic.ts'
import type { Storage } from '../../storage/storage.ts'

/** Grid tiles cover at least 360×360 (cropped square by CSS); views fit 1600×1600. */
export const THUMB_SIZES = {
  tile: { width: 360, height: 360, fit: 'outside' as const },
  view: { width: 1600, height: 1600, fit: 'inside' as const }
}
export type ThumbSize = keyof typeof THUMB_SIZES
export const isThumbSize = (s: string): s is ThumbSize => Object.hasOwn(THUMB_SIZES, s)

/** The storage key of a thumbnail: by content hash, in 256 folders. */
export const thumbKey = (hash: string, size: ThumbSize): string => `${hash.slice(0, 2)}/${hash}-${size}.webp`

/** Where a folder store keeps a thumbnail. */
export function thumbPath(thumbsDir: string, hash: string, size: ThumbSize): string {
  return join(thumbsDir, thumbKey(hash, size))
}

/** Both sizes are stored; `listed` is the store's keys when it was listed once for many questions. */
export async function thumbnailsExist(storage: Storage, hash: string, listed?: Set<string> | null): Promise<boolean> {
  const keys = (Object.keys(THUMB_SIZES) as ThumbSize[]).map(s => thumbKey(hash, s))
  if (listed) return keys.every(key => listed.has(key))
  return (await Promise.all(keys.map(async key => await storage.exists(key)))).every(Boolean)
}

/**
 * Decodes the original once (shrink-on-load to the view size, upright by its
 * EXIF orientation) and derives the tile from the view. Returns the upright
 * size of the original. Takes an encoded file, or pixels decoded elsewhere
 * (HEIC, already upright).
 */
export async function makeThumbnails(
  input: Buffer | RawImage,
  storage: Storage,
  hash: string
): Promise<{ width: number; height: number }> {
  const source = Buffer.isBuffer(input)
    ? sharp(input, { failOn: 'error', limitInputPixels: 268_402_689 })
    : sharp(input.data, { raw: { width: input.width, height: input.height, channels: input.channels } })
  const meta = await source.metadata()
  if (!meta.width || !meta.height) throw new Error('image has no dimensions')
  const turned = (meta.orientation ?? 1) >= 5
  const [view, tile] = Buffer.isBuffer(input) ? await fromEncoded(source) : await fromPixels(source)
  await Promise.all([storage.put(thumbKey(hash, 'view'), view), storage.put(thumbKey(hash, 'tile'), tile)])
  return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height }
}

const viewWebp = (image: Sharp): Promise<Buffer> => image.webp({ quality: 80 }).toBuffer()
const tileWebp = (image: Sharp): Promise<Buffer> =>
  image
    .resize({ ...THUMB_SIZES.tile, withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer()

/** A file is decoded straight into the view; the small view then makes the tile. */
async function fromEncoded(source: Sharp): Promise<[Buffer, Buffer]> {
  const view = await viewWebp(source.rotate().resize({ ...THUMB_SIZES.view, withoutEnlargement: true }))
  return [view, await tileWebp(sharp(view))]
}

/**
 * Decoded pixels (12 MP and more) are shrunk to the view once, and both sizes
 * are encoded from that at once: two pipelines over the full pixels took 1.3 s
 * a photo instead of 0.4.
 */
async function fromPixels(source: Sharp): Promise<[Buffer, Buffer]> {
  const { data, info } = await source
    .resize({ ...THUMB_SIZES.view, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  // Two instances over the same buffer, not clone(): sharp's clone structured-clones its input, megabytes each time.
  const view = (): Sharp => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
  return await Promise.all([viewWebp(view()), tileWebp(view())])
}
