import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Storage } from './storage.ts'

/**
 * Lets a writer that needs file names (ffmpeg) make objects: in a folder
 * store it writes them in place; otherwise it writes into a temporary folder
 * and each file it wrote is put under its key, then the folder is removed.
 * `write` gets one path per key; `keep` says whether its files are to be
 * put (a bucket gets nothing from a failed or empty run). In a folder they
 * are already where the writer left them, as they always were.
 */
export async function writeFiles<T>(
  storage: Storage,
  keys: readonly string[],
  write: (paths: string[]) => Promise<T>,
  keep: (paths: string[]) => Promise<boolean> = async () => true
): Promise<T> {
  const direct = await Promise.all(keys.map(async key => await storage.writablePath(key)))
  if (direct.every(path => path !== null)) return await write(direct as string[])
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-out-'))
  try {
    const paths = keys.map((key, i) => join(dir, `${i}-${basename(key)}`))
    const result = await write(paths)
    if (await keep(paths)) {
      await Promise.all(keys.map(async (key, i) => await storage.put(key, { file: paths[i] })))
    }
    return result
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
