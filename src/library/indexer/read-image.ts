import type { Photo } from '../../db/schema.ts'
import type { Storage } from '../../storage/storage.ts'
import { decodeHeif } from '../media/heic.ts'
import { readMetadata } from './metadata.ts'
import { makeThumbnails } from './thumbnails.ts'
import { lookupPlace } from './places.ts'
import type { ScannedFile } from './scan.ts'

export type PhotoFields = Partial<Omit<Photo, 'id' | 'uid' | 'path'>>

const fileName = (file: ScannedFile): string => file.rel.split('/').pop() ?? file.rel

/** A still's thumbnails and metadata. HEIC is decoded in WebAssembly, everything else by sharp. */
export async function readImage(
  file: ScannedFile,
  buffer: Buffer,
  mime: string,
  storage: Storage,
  hash: string
): Promise<PhotoFields> {
  const pixels = mime === 'image/heic' ? await decodeHeif(buffer) : buffer
  const [meta, size] = await Promise.all([
    readMetadata(buffer, file.mtimeMs, fileName(file)),
    makeThumbnails(pixels, storage, hash)
  ])
  return { ...size, ...metadataFields(meta) }
}

/** Columns from what the file says (date, place, camera, title), the place looked up offline. */
export function metadataFields(meta: Awaited<ReturnType<typeof readMetadata>>): PhotoFields {
  const place = meta.lat !== null && meta.lng !== null ? lookupPlace(meta.lat, meta.lng) : null
  return {
    taken_at: meta.takenAt,
    taken_at_utc: meta.takenAtUtc,
    taken_estimated: meta.estimated ? 1 : 0,
    lat: meta.lat,
    lng: meta.lng,
    country_code: place?.countryCode ?? null,
    country: place?.country ?? null,
    state: place?.state ?? null,
    camera: meta.camera,
    title: meta.title,
    description: meta.description
  }
}

/**
 * libvips keeps one error buffer for all threads, so with two files in flight
 * the text may describe the other one: the type decides the wording.
 */
export function describeImageError(err: unknown, mime: string): string {
  const message = ((err as Error).message ?? String(err)).split('\n')[0]
  if (/^(not a readable|image too large)/.test(message)) return message
  const format = (mime.split('/')[1] ?? 'image').toUpperCase()
  if (/pixel limit/i.test(message)) return `image too large: ${message}`
  if (mime === 'image/tiff' && /unsupported|compression/i.test(message)) {
    return `unsupported ${format} variant: ${message}`
  }
  return `not a readable ${format} image: ${message}`
}
