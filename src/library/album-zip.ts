import type { ReadStream } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { extname } from 'node:path'
import { ZipArchive } from 'archiver'
import type { Photo } from '../db/schema.ts'
import { openOriginal } from './original-files.ts'

export type ZipPhoto = Pick<Photo, 'uid' | 'path' | 'title' | 'taken_at'>

// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const unsafe = /[\\/:*?"<>|\x00-\x1f\x7f]+/g

/** `YYYYMMDD-HHMMSS-<title or file name>.<ext>`, with ` (2)`, ` (3)` on collisions. */
export function zipEntryNames(photos: ZipPhoto[]): string[] {
  const used = new Set<string>()
  return photos.map(photo => {
    const file = photo.path.split('/').pop() ?? 'photo'
    const ext = extname(file).toLowerCase() || '.jpg'
    const stem =
      (photo.title ?? file.slice(0, file.length - extname(file).length)).replace(unsafe, '_').trim().slice(0, 100) ||
      'photo'
    const stamp = photo.taken_at ? photo.taken_at.replace(/[-:]/g, '').replace('T', '-').slice(0, 15) + '-' : ''
    let name = `${stamp}${stem}${ext}`
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stamp}${stem} (${n})${ext}`
    used.add(name.toLowerCase())
    return name
  })
}

export const zipFileName = (title: string): string =>
  `${title.replace(unsafe, '_').trim().slice(0, 100) || 'album'}.zip`

export interface ZipOptions {
  /**
   * Asked before each entry: false ends the zip there, so a link revoked or a
   * photo made private while the zip streams never gets into it (the client
   * sees a truncated download).
   */
  stillAllowed?: (photo: ZipPhoto) => Promise<boolean>
}

export class ZipRevokedError extends Error {}

/** Small buffers: a client that stops reading holds at most a few of these. */
const BUFFER_BYTES = 64 * 1024

/**
 * A zip of the originals in store mode (photos are compressed already),
 * streamed. Files are appended one at a time, each when the previous one is
 * done, so at most one is open however large the album; when the archive is
 * closed early (the client went away) that one is closed too. Paths come
 * from the database and are opened by openOriginal; files that are not
 * regular files inside the root, or cannot be opened, are left out.
 */
export async function albumZip(photos: ZipPhoto[], root: string, options: ZipOptions = {}): Promise<ZipArchive> {
  const realRoot = await realpath(root)
  const archive = new ZipArchive({ store: true, highWaterMark: BUFFER_BYTES })
  const names = zipEntryNames(photos)
  let next = 0
  let current: ReadStream | null = null
  let closed = false
  const appendNext = async (): Promise<void> => {
    // eslint-disable-next-line no-unmodified-loop-condition -- `closed` is set by the archive's close handler
    while (next < photos.length && !closed) {
      const photo = photos[next]
      const name = names[next++]
      if (options.stillAllowed && !(await options.stillAllowed(photo))) {
        throw new ZipRevokedError('access ended while the zip was streaming')
      }
      const file = await openOriginal(realRoot, photo.path)
      if (!file) continue
      if (closed) {
        await file.handle.close()
        return
      }
      current = file.handle.createReadStream({ highWaterMark: BUFFER_BYTES })
      archive.append(current, { name, date: photo.taken_at ? new Date(photo.taken_at + 'Z') : undefined })
      return
    }
    if (!closed) archive.finalize().catch(() => {})
  }
  const appendOrFail = (): void => {
    appendNext().catch(err => archive.destroy(err))
  }
  archive.on('entry', appendOrFail)
  archive.once('close', () => {
    closed = true
    current?.destroy()
  })
  appendOrFail()
  return archive
}
