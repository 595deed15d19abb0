import { realpath } from 'node:fs/promises'
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

/**
 * A zip of the originals in store mode (photos are compressed already),
 * streamed: archiver opens each file only when it gets to it. Paths come
 * from the database and must resolve inside the originals root.
 */
export async function albumZip (photos: ZipPhoto[], root: string): Promise<ZipArchive> {
  const realRoot = await realpath(root)
  const archive = new ZipArchive({ store: true })
  const names = zipEntryNames(photos)
  for (const [i, photo] of photos.entries()) {
    const target = await realpath(resolve(realRoot, photo.path)).catch(() => null)
    if (target && isInside(realRoot, target)) archive.file(target, { name: names[i], date: photo.taken_at ? new Date(photo.taken_at + 'Z') : undefined })
  }
  void archive.finalize()
  return archive
}
