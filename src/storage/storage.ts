import type { Readable } from 'node:stream'

/** Inclusive byte offsets, as a Range header names them. */
export interface ByteRange {
  start: number
  end: number
}

/** What a store says about an object without reading it. */
export interface StoredInfo {
  size: number
  /** A validator for the stored bytes: the folder's size and time (weak), the bucket's ETag. */
  etag: string
  lastModified: Date
}

/** An object held open for one ranged reply: its facts now, and its bytes (read at most once). */
export interface OpenedObject extends StoredInfo {
  read: (range?: ByteRange) => Promise<Readable>
  /** Called when no read follows (a 304, a HEAD, a 416). */
  close: () => Promise<void>
}

export interface PresignOptions {
  /** Seconds; stores cap it at PRESIGN_MAX_SECONDS. */
  expiresIn?: number
  /** The type the store should answer with. */
  type?: string
}

/** A presigned URL is valid at most this long: revocation reaches a visitor who got one within this window. */
export const PRESIGN_MAX_SECONDS = 60

/**
 * Where derived files live (thumbnails, video posters, renditions, link
 * previews), by key (`ab/abcdef…-tile.webp`): a local folder, or an
 * S3-compatible bucket that every instance shares. Originals are never in a
 * store: they stay on the folder every instance mounts. Missing objects are
 * `null` (or `false`), never an error; any other failure throws.
 */
export interface Storage {
  readonly kind: 'folder' | 's3'
  /** Granted thumbnail and video requests answer 302 to a presigned URL instead of streaming. */
  readonly redirects: boolean
  /** Stores bytes, or a finished file (which stays where it is), under key. A reader sees all of it or nothing. */
  put: (key: string, body: Buffer | { file: string }) => Promise<void>
  /** A whole (small) object: thumbnails, previews, notes. */
  get: (key: string) => Promise<Buffer | null>
  /** The bytes of an object, or of one range of it. */
  stream: (key: string, range?: ByteRange) => Promise<Readable | null>
  head: (key: string) => Promise<StoredInfo | null>
  exists: (key: string) => Promise<boolean>
  /** Facts and bytes of the same version of an object, for a ranged reply. */
  open: (key: string) => Promise<OpenedObject | null>
  delete: (key: string) => Promise<void>
  /** A URL that fetches the object without credentials for at most PRESIGN_MAX_SECONDS; null for a folder. */
  presignedUrl: (key: string, options?: PresignOptions) => Promise<string | null>
  /**
   * A path writers that need a file name (ffmpeg) may write key to directly, its folder made; null for a bucket:
   * they write a temporary file and put it.
   */
  writablePath: (key: string) => Promise<string | null>
  /**
   * Every key in the store, when one listing is cheaper than asking per key (a bucket: one request per thousand
   * keys instead of one per key); null for a folder, where asking per key is a stat.
   */
  listKeys: () => Promise<Set<string> | null>
}

/** The type an object is served with, from its key's extension. */
export function typeOfKey(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase()
  return (
    { webp: 'image/webp', jpg: 'image/jpeg', mp4: 'video/mp4', failed: 'text/plain; charset=utf-8' }[ext] ??
    'application/octet-stream'
  )
}
