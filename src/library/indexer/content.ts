import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { kindOfMime, resolveMime, sniffMime, type MediaKind } from '../media/formats.ts'
import type { ScannedFile } from './scan.ts'

export interface FileContent {
  /** What the content is (the name only decides for RAW files); null when it is nothing known. */
  mime: string | null
  kind: MediaKind | null
  hash: string
  /** The whole file, for stills; videos are never read into memory. */
  buffer: Buffer | null
}

async function readHead (path: string): Promise<Buffer> {
  const handle = await open(path)
  try {
    const head = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function hashStream (path: string): Promise<string> {
  const hash = createHash('sha1')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The file's type by content and its content hash; stills are read whole, videos streamed. */
export async function readContent (file: ScannedFile): Promise<FileContent> {
  const head = await readHead(file.abs)
  const mime = resolveMime(sniffMime(head), file.mime)
  const kind = mime ? kindOfMime(mime) : null
  if (kind === 'video') return { mime, kind, hash: await hashStream(file.abs), buffer: null }
  const buffer = await readFile(file.abs)
  return { mime, kind, hash: createHash('sha1').update(buffer).digest('hex'), buffer }
}

/** Why a file that is no known format cannot be shown. */
export function unknownContent (file: ScannedFile): string {
  if (file.bytes === 0) return 'empty file (0 bytes)'
  const named = file.mime.startsWith('video/') ? 'video' : 'image'
  return `not a readable ${named}: the content is no image or video format albumlink knows (the name says ${file.mime})`
}
