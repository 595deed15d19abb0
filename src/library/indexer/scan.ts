import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { isHiddenPath, isInside } from '../original-files.ts'
import { mimeFromName } from '../media/formats.ts'

export interface ScannedFile {
  /** Relative to the root, forward slashes. */
  rel: string
  abs: string
  bytes: number
  mtimeMs: number
  mime: string
}

/**
 * Every image file under root, skipping hidden entries and anything that is
 * not a regular file (FIFOs, devices, sockets). Symlinked files are followed
 * only when their target stays inside the root and outside hidden folders;
 * symlinked folders are never followed (they could loop or leave the root).
 */
export async function scanOriginals(root: string): Promise<ScannedFile[]> {
  const realRoot = await realpath(root)
  const found: ScannedFile[] = []
  const walk = async (dir: string): Promise<void> => {
    // An unreadable subfolder (lost+found on a disk, a private folder) is skipped, not fatal.
    const entries =
      dir === realRoot
        ? await readdir(dir, { withFileTypes: true })
        : await readdir(dir, { withFileTypes: true }).catch(() => [])
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const abs = join(dir, entry.name)
      if (entry.isDirectory()) {
        await walk(abs)
        continue
      }
      const mime = mimeFromName(entry.name)
      if (!mime) continue
      let info = await lstat(abs).catch(() => null)
      if (!info) continue
      if (info.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => null)
        if (!target || !isInside(realRoot, target) || isHiddenPath(relative(realRoot, target))) continue
        info = await stat(target).catch(() => null)
        if (!info) continue
      }
      if (!info.isFile()) continue
      const rel = relative(realRoot, abs).split(sep).join('/')
      found.push({ rel, abs, bytes: info.size, mtimeMs: Math.floor(info.mtimeMs), mime })
    }
  }
  await walk(realRoot)
  return found
}
