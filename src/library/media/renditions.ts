import { rename, rm } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { DB, Photo } from '../../db/schema.ts'
import type { Storage } from '../../storage/storage.ts'
import { writeFiles } from '../../storage/write-files.ts'
import { runTool } from './tools.ts'

/** Browser-playable copies live beside the thumbnails, named by the original's content hash. */
export const renditionKey = (hash: string): string => `${hash.slice(0, 2)}/${hash}-video.mp4`
const failureKey = (hash: string): string => `${hash.slice(0, 2)}/${hash}-video.failed`

export async function renditionReady(storage: Storage, hash: string): Promise<boolean> {
  return await storage.exists(renditionKey(hash))
}

/** Why a rendition could not be made, when it was tried and failed. */
export async function renditionFailure(storage: Storage, hash: string): Promise<string | null> {
  return (await storage.get(failureKey(hash)).catch(() => null))?.toString('utf8') ?? null
}

export type RenditionJob = Pick<Photo, 'id' | 'path' | 'hash' | 'width' | 'height' | 'duration'>

/** Videos browsers cannot play as they are, still without a rendition (and not failed before). */
export async function pendingRenditions(db: Kysely<DB>, storage: Storage): Promise<RenditionJob[]> {
  const videos = await db
    .selectFrom('photos')
    .select(['id', 'path', 'hash', 'width', 'height', 'duration'])
    .where('media', '=', 'video')
    .where('playable', '=', 0)
    .where('error', 'is', null)
    .where('missing', '=', 0)
    .orderBy('taken_at', 'desc')
    .execute()
  // A bucket is listed once rather than asked twice per video.
  const listed = videos.length > 0 ? await storage.listKeys() : null
  const stored = async (key: string): Promise<boolean> => listed?.has(key) ?? (await storage.exists(key))
  const pending: RenditionJob[] = []
  for (const v of videos) {
    if (v.hash && !(await stored(renditionKey(v.hash))) && !(await stored(failureKey(v.hash)))) pending.push(v)
  }
  return pending
}

/** At most 1080p (the short side) and 1920 (the long side), even sizes as H.264 wants them. */
export function renditionSize(width: number, height: number): { width: number; height: number } {
  const f = Math.min(1, 1920 / Math.max(width, height), 1080 / Math.min(width, height))
  const even = (n: number): number => Math.max(2, Math.round((n * f) / 2) * 2)
  return { width: even(width), height: even(height) }
}

const TIME = /time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/

/**
 * H.264/AAC MP4 with the index at the front (faststart), written to a
 * temporary name and renamed when complete (in a folder store, in place; for
 * a bucket, in a temporary folder, then put). ffmpeg is killed past ten times
 * the clip's length (at least two minutes); a failure is remembered beside
 * the thumbnails so it is not retried on every scan.
 */
export async function makeRendition(
  ffmpeg: string,
  source: string,
  storage: Storage,
  job: RenditionJob,
  onProgress?: (fraction: number) => void
): Promise<void> {
  const hash = job.hash
  if (!hash) return
  // Only ffmpeg's failure is remembered: a bucket that cannot take the file now may take it on the next scan.
  await writeFiles(storage, [renditionKey(hash)], async ([out]) => {
    try {
      await encode(ffmpeg, source, job, out, onProgress)
    } catch (err) {
      const note = `cannot make a browser-playable copy: ${(err as Error).message}\n`
      await storage.put(failureKey(hash), Buffer.from(note))
      throw err
    }
  })
}

async function encode(
  ffmpeg: string,
  source: string,
  job: RenditionJob,
  out: string,
  onProgress?: (fraction: number) => void
): Promise<void> {
  const partial = `${out}.${process.pid}.part`
  const size = renditionSize(job.width ?? 1920, job.height ?? 1080)
  const duration = job.duration ?? 0
  try {
    await runTool(
      ffmpeg,
      [
        '-v',
        'error',
        '-stats',
        '-nostdin',
        '-y',
        '-threads',
        '1',
        '-i',
        source,
        '-map',
        '0:v:0',
        '-map',
        '0:a:0?',
        '-sn',
        '-dn',
        '-vf',
        `scale=${size.width}:${size.height}`,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '23',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-ac',
        '2',
        '-movflags',
        '+faststart',
        '-max_muxing_queue_size',
        '1024',
        // Memory: one decoder thread, two encoder threads on slices (not frames), a short lookahead: ~170 MB at 1080p
        // instead of ~250.
        '-threads',
        '2',
        '-x264-params',
        'rc-lookahead=5:sliced-threads=1',
        '-f',
        'mp4',
        partial
      ],
      {
        timeoutMs: Math.min(6 * 3600_000, Math.max(120_000, duration * 10_000)),
        maxBytes: 1_000_000,
        onStderr: text => {
          const m = TIME.exec(text)
          if (m && duration > 0) {
            onProgress?.(Math.min(1, (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) / duration))
          }
        }
      }
    )
    await rename(partial, out)
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
}
