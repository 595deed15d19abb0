import type { ReadStream } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { ZipArchive } from 'archiver'
import type { Photo } from '../db/schema.ts'
import { isInside } from './indexer/scan.ts'

type ZipPhoto = Pick<Photo, 'path' | 'title' | 'taken_at'>

const unsafe = /[\\/:*?"<>|\x00-\x1f\x7f]+/g

/** `YYYYMMDD-HHMMSS-<title or file name>.<ext>`, with ` (2)`, ` (3)` on collisions. */
export function zipEntryNames (photos: ZipPhoto[]): string[] {
  const used = new Set<string>()
  return photos.map(photo => {
    const file = photo.path.split('/').pop() ?? 'photo'
    const ext = extname(file).toLowerCase() || '.jpg'
    const stem = (photo.title ?? file.slice(0, file.length - extname(file).length)).replace(unsafe, '_').trim().slice(0, 100) || 'photo'
    const stamp = photo.taken_at ? photo.taken_at.replace(/[-:]/g, '').replace('T', '-').slice(0, 15) + '-' : ''
    let name = `${stamp}${stem}${ext}`
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stamp}${stem} (${n})${ext}`
    used.add(name.toLowerCase())
    return name
  })
}

export const zipFileName = (title: string): string => `${title.replace(unsafe, '_').trim().slice(0, 100) || 'album'}.zip`

/** The photo's file, opened, if it resolves inside the root to a regular file; else null. */
async function openInside (realRoot: string, path: string): Promise<FileHandle | null> {
  const target = await realpath(resolve(realRoot, path)).catch(() => null)
  const handle = target && isInside(realRoot, target) ? await open(target).catch(() => null) : null
  if (handle && !(await handle.stat()).isFile()) { await handle.close(); return null }
  return handle
}

/**
 * A zip of the originals in store mode (photos are compressed already),
 * streamed. Files are appended one at a time, each when the previous one is
 * done, so at most one is open however large the album; when the archive is
 * closed early (the client went away) that one is closed too. Paths come
 * from the database and must resolve inside the originals root; files that
 * do not, or cannot be opened, are left out.
 */
export async function albumZip (photos: ZipPhoto[], root: string): Promise<ZipArchive> {
  const realRoot = await realpath(root)
  const archive = new ZipArchive({ store: true })
  const names = zipEntryNames(photos)
  let next = 0
  let current: ReadStream | null = null
  let closed = false
  const appendNext = async (): Promise<void> => {
    while (next < photos.length && !closed) {
      const photo = photos[next]
      const name = names[next++]
      const handle = await openInside(realRoot, photo.path)
      if (!handle) continue
      if (closed) { await handle.close(); return }
      current = handle.createReadStream()
      archive.append(current, { name, date: photo.taken_at ? new Date(photo.taken_at + 'Z') : undefined })
      return
    }
    if (!closed) archive.finalize().catch(() => {})
  }
  const appendOrFail = (): void => { appendNext().catch(err => archive.destroy(err)) }
  archive.on('entry', appendOrFail)
  archive.once('close', () => { closed = true; current?.destroy() })
  appendOrFail()
  return archive
}
