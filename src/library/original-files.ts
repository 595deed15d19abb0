import { constants, type Stats } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'

export interface OpenedFile {
  handle: FileHandle
  stats: Stats
}

/** True when `candidate` lies strictly inside `root` (both absolute, symlinks already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)
}

/** True when a path (relative to the originals root) passes through a hidden file or folder. */
export const isHiddenPath = (rel: string): boolean => rel.split(/[\\/]/).some(part => part.startsWith('.'))

/**
 * Opens an original by its database path, if it resolves (symlinks too)
 * inside the real root, outside hidden folders, to a regular file; else null.
 * The file is opened non-blocking and checked on the handle: a FIFO or device
 * put at an indexed path is refused without ever blocking a thread of the
 * pool, and nothing can be swapped in between the check and the read.
 */
export async function openOriginal(realRoot: string, path: string): Promise<OpenedFile | null> {
  const target = await realpath(resolve(realRoot, path)).catch(() => null)
  if (!target || !isInside(realRoot, target) || isHiddenPath(relative(realRoot, target))) return null
  const handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => null)
  if (!handle) return null
  const stats = await handle.stat().catch(() => null)
  if (stats?.isFile()) return { handle, stats }
  await handle.close()
  return null
}
