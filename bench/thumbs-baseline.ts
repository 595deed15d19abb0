// What the indexing benches measure albumlink's thumbnails against: sharp alone.
import sharp, { type SharpOptions } from 'sharp'
import { THUMB_SIZES } from '../src/library/indexer/thumbnails.ts'

/** The same two WebP sizes albumlink makes, by sharp alone from some input; `out` is the tile's file. */
export async function thumbs(input: Parameters<typeof sharp>[0], options: SharpOptions, out: string): Promise<void> {
  const view = await sharp(input as Buffer, options)
    .rotate()
    .resize({ ...THUMB_SIZES.view, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer()
  await sharp(view)
    .resize({ ...THUMB_SIZES.tile, withoutEnlargement: true })
    .webp({ quality: 75 })
    .toFile(out)
}
