import { createHash } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { kindOfMime, resolveMime, sniffMime, type MediaKind } from '../media/formats.ts'
import type { ScannedFile } from './scan.ts'

export interface FileContent {
  /** What the content is (the name only decides for RAW files); null when it is nothing known. */
  mime: string | null
  kind: MediaKind | null
  /** Null for videos: hashFile runs beside the video work instead of before it. */
  hash: string | null
  /** The whole file, for stills; videos are never read into memory. */
  buffer: Buffer | null
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path)
  try {
    const head = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

const SAMPLE = 1 << 20

/**
 * A video's content key: SHA-1 of its size and three 1 MiB samples (start,
 * middle, end); a file up to 3 MiB is hashed whole. Reading a 2 GB video
 * through would cost seconds per file on every change, and no two camera
 * files share size, header, middle and end.
 */
export async function hashFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha1').update(`${size}\n`)
  const handle = await open(path)
  try {
    const offsets = size <= 3 * SAMPLE ? [0] : [0, Math.floor(size / 2 - SAMPLE / 2), size - SAMPLE]
    const buffer = Buffer.alloc(size <= 3 * SAMPLE ? size : SAMPLE)
    for (const offset of offsets) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
      hash.update(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}

/** The file's type by content and its content hash; stills are read whole, videos streamed. */
export async function readContent(file: ScannedFile): Promise<FileContent> {
  const head = await readHead(file.abs)
  const mime = resolveMime(sniffMime(head), file.mime)
  const kind = mime ? kindOfMime(mime) : null
  if (kind === 'video') return { mime, kind, hash: null, buffer: null }
  const buffer = await readFile(file.abs)
  return { mime, kind, hash: createHash('sha1').update(buffer).digest('hex'), buffer }
}

/** Why a file that is no known format cannot be shown. */
export function unknownContent(file: ScannedFile): string {
  if (file.bytes === 0) return 'empty file (0 bytes)'
  const named = file.mime.startsWith('video/') ? 'video' : 'image'
  return `not a readable ${named}: the content is no image or video format albumlink knows (the name says ${file.mime})`
}
