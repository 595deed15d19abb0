import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { DB, Photo } from '../../db/schema.ts'
import { newUid, nowIso } from '../ids.ts'
import { syncDerivedAlbums } from '../derived-albums.ts'
import { scanOriginals, type ScannedFile } from './scan.ts'
import { readMetadata } from './metadata.ts'
import { makeThumbnails, thumbnailsExist } from './thumbnails.ts'
import { lookupPlace, unloadPlaces } from './places.ts'

export interface IndexOptions {
  originals: string
  thumbsDir: string
  onProgress?: (done: number, total: number, file: string) => void
  /** Files worked on at once; sharp threads inside each. */
  concurrency?: number
}

export interface IndexStats { files: number, processed: number, unchanged: number, failed: number, missing: number, ms: number }

type Existing = Pick<Photo, 'id' | 'path' | 'hash' | 'bytes' | 'mtime_ms' | 'error' | 'missing'>

/** Incremental and idempotent: unchanged files cost a stat, changed ones a read, new ones the image work. */
export async function runIndex (db: Kysely<DB>, options: IndexOptions): Promise<IndexStats> {
  const started = Date.now()
  const files = await scanOriginals(options.originals)
  const known = new Map((await db.selectFrom('photos')
    .select(['id', 'path', 'hash', 'bytes', 'mtime_ms', 'error', 'missing']).execute()).map(p => [p.path, p]))
  const stats: IndexStats = { files: files.length, processed: 0, unchanged: 0, failed: 0, missing: 0, ms: 0 }
  let done = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]
      const outcome = await indexFile(db, options, file, known.get(file.rel))
      stats[outcome]++
      options.onProgress?.(++done, files.length, file.rel)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker))
  const seen = new Set(files.map(f => f.rel))
  const gone = [...known.values()].filter(p => !seen.has(p.path) && p.missing === 0).map(p => p.id)
  for (let i = 0; i < gone.length; i += 500) {
    await db.updateTable('photos').set({ missing: 1 }).where('id', 'in', gone.slice(i, i + 500)).execute()
  }
  stats.missing = gone.length
  await syncDerivedAlbums(db)
  unloadPlaces()
  stats.ms = Date.now() - started
  return stats
}

async function indexFile (db: Kysely<DB>, options: IndexOptions, file: ScannedFile, existing?: Existing): Promise<'processed' | 'unchanged' | 'failed'> {
  const sameStat = existing && existing.bytes === file.bytes && existing.mtime_ms === file.mtimeMs
  if (existing && sameStat && existing.error === null && existing.hash && await thumbnailsExist(options.thumbsDir, existing.hash)) {
    if (existing.missing) await db.updateTable('photos').set({ missing: 0 }).where('id', '=', existing.id).execute()
    return 'unchanged'
  }
  if (existing && sameStat && existing.error !== null) return 'failed'
  let buffer: Buffer
  try {
    buffer = await readFile(file.abs)
  } catch (err) {
    await savePhoto(db, file, existing, { hash: null, error: `cannot read file: ${(err as Error).message}` })
    return 'failed'
  }
  const hash = createHash('sha1').update(buffer).digest('hex')
  if (existing && existing.hash === hash && existing.error === null && await thumbnailsExist(options.thumbsDir, hash)) {
    await db.updateTable('photos').set({ bytes: file.bytes, mtime_ms: file.mtimeMs, missing: 0 }).where('id', '=', existing.id).execute()
    return 'unchanged'
  }
  try {
    const [meta, size] = await Promise.all([readMetadata(buffer, file.mtimeMs), makeThumbnails(buffer, options.thumbsDir, hash)])
    const place = meta.lat !== null && meta.lng !== null ? lookupPlace(meta.lat, meta.lng) : null
    await savePhoto(db, file, existing, {
      hash,
      error: null,
      width: size.width,
      height: size.height,
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
    })
    return 'processed'
  } catch (err) {
    await savePhoto(db, file, existing, { hash, error: describeImageError(err, file) })
    return 'failed'
  }
}

/**
 * libvips keeps one error buffer for all threads, so with two files in flight
 * the text may describe the other one: HEIC/HEIF is classified by its type
 * (sharp's own build cannot decode HEVC), not by the text.
 */
function describeImageError (err: unknown, file: ScannedFile): string {
  const message = ((err as Error).message ?? String(err)).split('\n')[0]
  const format = file.mime.split('/')[1].toUpperCase()
  if (/heic|heif/.test(file.mime) || (file.mime === 'image/tiff' && /unsupported|compression/i.test(message))) {
    return `unsupported ${format} variant: ${message}`
  }
  return `cannot decode image: ${message}`
}

type PhotoFields = Partial<Omit<Photo, 'id' | 'uid' | 'path'>>

async function savePhoto (db: Kysely<DB>, file: ScannedFile, existing: Existing | undefined, fields: PhotoFields): Promise<void> {
  const slash = file.rel.lastIndexOf('/')
  const common = {
    ...fields,
    mime: file.mime,
    bytes: file.bytes,
    mtime_ms: file.mtimeMs,
    folder: slash === -1 ? '' : file.rel.slice(0, slash),
    missing: 0,
    indexed_at: nowIso()
  }
  if (existing) {
    await db.updateTable('photos').set(common).where('id', '=', existing.id).execute()
  } else {
    await db.insertInto('photos').values({ ...common, uid: newUid('p'), path: file.rel }).execute()
  }
}
