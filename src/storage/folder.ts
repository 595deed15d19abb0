import { access, copyFile, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { isInside, openOriginal, type OpenedFile } from '../library/original-files.ts'
import type { ByteRange, OpenedObject, Storage, StoredInfo } from './storage.ts'

/** The size-and-time validator file replies have always had. */
export const fileEtag = (size: number, mtimeMs: number): string =>
  `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`

/** An opened file as a stored object: its stat now, its bytes up to that size. */
export function openedFileObject({ handle, stats }: OpenedFile): OpenedObject {
  return {
    size: stats.size,
    etag: fileEtag(stats.size, stats.mtimeMs),
    lastModified: stats.mtime,
    read: async range =>
      handle.createReadStream({ start: range?.start ?? 0, end: range?.end ?? stats.size - 1, autoClose: true }),
    close: async () => {
      await handle.close()
    }
  }
}

let temporaries = 0

/**
 * The store as albumlink has always kept it: files under one folder (by
 * default `data/thumbs`), key = path inside it. Writes go to a temporary name
 * and are renamed into place, so a reader never sees half a file.
 */
export class FolderStorage implements Storage {
  readonly kind = 'folder'
  readonly redirects = false

  constructor(readonly root: string) {}

  /** The file of a key; a key that would leave the folder is refused (keys are made from hashes, this is a guard). */
  path(key: string): string {
    const path = resolve(this.root, key)
    if (!isInside(resolve(this.root), path)) throw new Error(`storage key outside the folder: ${JSON.stringify(key)}`)
    return path
  }

  async put(key: string, body: Buffer | { file: string }): Promise<void> {
    const path = this.path(key)
    if (!Buffer.isBuffer(body) && resolve(body.file) === path) return
    await mkdir(dirname(path), { recursive: true })
    const temporary = `${path}.${process.pid}.${++temporaries}.tmp`
    try {
      if (Buffer.isBuffer(body)) await writeFile(temporary, body)
      else await copyFile(body.file, temporary)
      await rename(temporary, path)
    } catch (err) {
      await rm(temporary, { force: true })
      throw err
    }
  }

  async get(key: string): Promise<Buffer | null> {
    return await readFile(this.path(key)).catch(() => null)
  }

  async stream(key: string, range?: ByteRange): Promise<Readable | null> {
    const opened = await this.open(key)
    return opened ? await opened.read(range) : null
  }

  async head(key: string): Promise<StoredInfo | null> {
    const stats = await stat(this.path(key)).catch(() => null)
    return stats?.isFile()
      ? { size: stats.size, etag: fileEtag(stats.size, stats.mtimeMs), lastModified: stats.mtime }
      : null
  }

  async exists(key: string): Promise<boolean> {
    return await access(this.path(key)).then(
      () => true,
      () => false
    )
  }

  /** Opened as originals are (inside the real folder, a regular file, non-blocking), the handle closed after. */
  async open(key: string): Promise<OpenedObject | null> {
    const realRoot = await realpath(this.root).catch(() => null)
    const file = realRoot ? await openOriginal(realRoot, key) : null
    return file ? openedFileObject(file) : null
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true })
  }

  async presignedUrl(): Promise<null> {
    return null
  }

  async writablePath(key: string): Promise<string> {
    const path = this.path(key)
    await mkdir(dirname(path), { recursive: true })
    return path
  }

  async listKeys(): Promise<null> {
    return null
  }
}

/** A store, or a folder path standing for a folder store (callers that only ever used a folder). */
export const asStorage = (store: Storage | string): Storage =>
  typeof store === 'string' ? new FolderStorage(store) : store
