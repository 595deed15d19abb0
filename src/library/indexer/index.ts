import type { Kysely } from 'kysely'
import type { DB, Photo } from '../../db/schema.ts'
import { FolderStorage } from '../../storage/folder.ts'
import type { Storage } from '../../storage/storage.ts'
import { newUid, nowIso } from '../../util/ids.ts'
import { syncDerivedAlbums } from '../albums/derived.ts'
import { toolPaths, toolsProblem, TOOLS_UNAVAILABLE, type ToolPaths } from '../media/tools.ts'
import { kindOfMime } from '../media/formats.ts'
import { scanOriginals, type ScannedFile } from './scan.ts'
import { thumbnailsExist } from './thumbnails.ts'
import { unloadPlaces } from './places.ts'
import { unloadHeif } from '../media/heic.ts'
import { hashFile, readContent, unknownContent, type FileContent } from './content.ts'
import { describeImageError, readImage, type PhotoFields } from './read-image.ts'
import { describeVideoError, readVideo } from './read-video.ts'
import { linkCompanions, pairFiles } from './pairs.ts'

interface IndexCommon {
  originals: string
  onProgress?: (done: number, total: number, file: string) => void
  /** Files worked on at once; sharp threads inside each. */
  concurrency?: number
  /** ffmpeg and ffprobe (the bundled ones unless given). */
  tools?: ToolPaths
  /** Leave albums alone when no file changed (periodic rescans: the albums' rows are not rewritten every time). */
  onlyIfChanged?: boolean
}

/** Thumbnails and posters go to a store, or to a folder (a folder store). */
export type IndexOptions = IndexCommon & ({ storage: Storage } | { thumbsDir: string })

export interface IndexStats {
  files: number
  processed: number
  unchanged: number
  failed: number
  missing: number
  ms: number
}

type Existing = Pick<Photo, 'id' | 'path' | 'hash' | 'bytes' | 'mtime_ms' | 'error' | 'missing'>

interface Context {
  db: Kysely<DB>
  storage: Storage
  /** The store's keys, listed once a run when it has a listing (a bucket); asked lazily. */
  listing?: Promise<Set<string> | null>
  tools: ToolPaths
  toolsProblem: string | null
  touched?: boolean
}

/** Incremental and idempotent: unchanged files cost a stat, changed ones a read, new ones the image work. */
export async function runIndex(db: Kysely<DB>, options: IndexOptions): Promise<IndexStats> {
  const started = Date.now()
  const scanned = await scanOriginals(options.originals)
  const { files, live } = pairFiles(scanned)
  const known = new Map(
    (
      await db.selectFrom('photos').select(['id', 'path', 'hash', 'bytes', 'mtime_ms', 'error', 'missing']).execute()
    ).map(p => [p.path, p])
  )
  const tools = options.tools ?? toolPaths()
  const hasVideos = files.some(f => kindOfMime(f.mime) === 'video')
  const context: Context = {
    db,
    storage: 'storage' in options ? options.storage : new FolderStorage(options.thumbsDir),
    tools,
    toolsProblem: hasVideos ? await toolsProblem(tools) : null
  }
  const stats: IndexStats = { files: files.length, processed: 0, unchanged: 0, failed: 0, missing: 0, ms: 0 }
  let done = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]
      const outcome = await indexFile(context, file, known.get(file.rel))
      stats[outcome]++
      options.onProgress?.(++done, files.length, file.rel)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker))
  const seen = new Set(files.map(f => f.rel))
  const gone = [...known.values()].filter(p => !seen.has(p.path) && p.missing === 0).map(p => p.id)
  for (let i = 0; i < gone.length; i += 500) {
    await db
      .updateTable('photos')
      .set({ missing: 1 })
      .where('id', 'in', gone.slice(i, i + 500))
      .execute()
  }
  stats.missing = gone.length
  if (!options.onlyIfChanged || stats.processed + stats.failed + stats.missing > 0 || context.touched) {
    await linkCompanions(db, live)
    await syncDerivedAlbums(db)
  }
  unloadPlaces()
  unloadHeif()
  stats.ms = Date.now() - started
  return stats
}

async function indexFile(
  context: Context,
  file: ScannedFile,
  existing?: Existing
): Promise<'processed' | 'unchanged' | 'failed'> {
  const { db, storage } = context
  const sameStat = existing && existing.bytes === file.bytes && existing.mtime_ms === file.mtimeMs
  if (
    existing &&
    sameStat &&
    existing.error === null &&
    existing.hash &&
    (await thumbnailsStored(context, existing.hash))
  ) {
    if (existing.missing) await reappeared(context, existing.id)
    return 'unchanged'
  }
  // A file that failed stays failed until it changes, unless the failure was ffmpeg missing (it may be there now).
  if (
    existing &&
    sameStat &&
    existing.error !== null &&
    !(existing.error.startsWith(TOOLS_UNAVAILABLE) && !context.toolsProblem)
  ) {
    if (existing.missing) await reappeared(context, existing.id)
    return 'failed'
  }
  let content: FileContent
  try {
    content = await readContent(file)
  } catch (err) {
    await savePhoto(db, file, existing, { hash: null, error: `cannot read file: ${(err as Error).message}` })
    return 'failed'
  }
  const { mime, kind } = content
  if (kind === 'video' && mime) return await indexVideo(context, file, existing, mime)
  const hash = content.hash
  if (hash && (await unchangedContent(context, file, existing, hash))) return 'unchanged'
  const failed = async (error: string): Promise<'failed'> => {
    await savePhoto(db, file, existing, { hash, mime: mime ?? file.mime, error })
    return 'failed'
  }
  if (!mime || !kind || !hash) return await failed(unknownContent(file))
  if (kind === 'raw') {
    return await failed('RAW photo without a JPEG beside it: albumlink shows RAW files only through their JPEG twin')
  }
  try {
    const fields = await readImage(file, content.buffer ?? Buffer.alloc(0), mime, storage, hash)
    await savePhoto(db, file, existing, { ...fields, ...STILL, hash, mime, error: null })
    return 'processed'
  } catch (err) {
    return await failed(describeImageError(err, mime))
  }
}

/**
 * Both thumbnails of a hash are in the store. A bucket is listed once per run
 * (a thousand keys a request) rather than asked twice per file; a file whose
 * twin was stored earlier in this run is not in the listing and is simply
 * made again (the same bytes under the same key).
 */
async function thumbnailsStored(context: Context, hash: string): Promise<boolean> {
  context.listing ??= context.storage.listKeys()
  return await thumbnailsExist(context.storage, hash, await context.listing)
}

/** A file that was missing is back. */
async function reappeared(context: Context, id: number): Promise<void> {
  context.touched = true
  await context.db.updateTable('photos').set({ missing: 0 }).where('id', '=', id).execute()
}

/** Same content under a new file time: only the stat is recorded. */
async function unchangedContent(
  context: Context,
  file: ScannedFile,
  existing: Existing | undefined,
  hash: string
): Promise<boolean> {
  if (!existing || existing.hash !== hash || existing.error !== null || !(await thumbnailsStored(context, hash))) {
    return false
  }
  if (existing.missing) context.touched = true
  await context.db
    .updateTable('photos')
    .set({ bytes: file.bytes, mtime_ms: file.mtimeMs, missing: 0 })
    .where('id', '=', existing.id)
    .execute()
  return true
}

/** The content key first (three 1 MiB samples), then ffprobe and the poster thumbnails at once. */
async function indexVideo(
  context: Context,
  file: ScannedFile,
  existing: Existing | undefined,
  mime: string
): Promise<'processed' | 'unchanged' | 'failed'> {
  const hash = await hashFile(file.abs, file.bytes)
  if (await unchangedContent(context, file, existing, hash)) return 'unchanged'
  try {
    if (context.toolsProblem) throw new Error(context.toolsProblem)
    const fields = await readVideo(file, context.tools, context.storage, hash, mime)
    await savePhoto(context.db, file, existing, { ...fields, hash, mime, error: null })
    return 'processed'
  } catch (err) {
    await savePhoto(context.db, file, existing, { hash, mime, error: describeVideoError(err) })
    return 'failed'
  }
}

/** A still clears what a video (an earlier file at the same path) may have left. */
const STILL: PhotoFields = { media: 'image', duration: null, video_codec: null, audio_codec: null, playable: 0 }

async function savePhoto(
  db: Kysely<DB>,
  file: ScannedFile,
  existing: Existing | undefined,
  fields: PhotoFields
): Promise<void> {
  const slash = file.rel.lastIndexOf('/')
  const common = {
    ...fields,
    mime: fields.mime ?? file.mime,
    bytes: file.bytes,
    mtime_ms: file.mtimeMs,
    folder: slash === -1 ? '' : file.rel.slice(0, slash),
    missing: 0,
    indexed_at: nowIso()
  }
  if (existing) {
    await db.updateTable('photos').set(common).where('id', '=', existing.id).execute()
  } else {
    await db
      .insertInto('photos')
      .values({ ...common, uid: newUid('p'), path: file.rel })
      .execute()
  }
}
