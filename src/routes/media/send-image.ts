import { realpath } from 'node:fs/promises'
import type { FastifyReply } from 'fastify'
import type { Photo } from '../../db/schema.ts'
import { openOriginal } from '../../library/original-files.ts'
import { thumbKey, type ThumbSize } from '../../library/indexer/thumbnails.ts'
import type { Storage } from '../../storage/storage.ts'
import { sendOpenedFile } from './send-file.ts'
import { redirectToStored } from './send-stored.ts'
import { thumbBytes } from './thumb-cache.ts'

/**
 * `attachment` with an ASCII fallback and the exact name per RFC 5987; quotes, CR/LF and unicode cannot break the
 * header.
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/**
 * Thumbnails are named by content hash, so the ETag needs no stat: a
 * revalidation (If-None-Match → 304) touches no file and asks the bucket
 * nothing, and the bytes are read whole and the most used kept in memory. `no-cache` makes every use
 * revalidate, which keeps revocation instant. A redirecting store answers
 * 302 to a presigned URL instead.
 */
export async function sendThumb(
  reply: FastifyReply,
  storage: Storage,
  photo: Pick<Photo, 'hash'>,
  size: ThumbSize
): Promise<FastifyReply> {
  if (!photo.hash) {
    reply.callNotFound()
    return reply
  }
  const etag = `"${photo.hash}-${size}"`
  reply.header('cache-control', 'private, no-cache').header('etag', etag)
  if (reply.request.headers['if-none-match'] === etag) return await reply.code(304).send()
  const key = thumbKey(photo.hash, size)
  const redirected = await redirectToStored(reply, storage, key, 'image/webp')
  if (redirected) return redirected
  const body = await thumbBytes(storage, key)
  if (!body) {
    reply.removeHeader('etag')
    reply.callNotFound()
    return reply
  }
  return await reply.type('image/webp').send(body)
}

/**
 * Streams an original with type, length, ranges and ETag. The path comes from
 * the database and is opened by openOriginal (inside the root, a regular
 * file, never blocking) before any header is set, so a miss is a plain 404 page.
 */
export async function sendOriginal(
  reply: FastifyReply,
  root: string,
  photo: Pick<Photo, 'path' | 'mime'>,
  download: boolean
): Promise<FastifyReply> {
  const realRoot = await realpath(root).catch(() => null)
  const file = realRoot ? await openOriginal(realRoot, photo.path) : null
  if (!file) {
    reply.callNotFound()
    return reply
  }
  reply.header('cache-control', 'private, no-cache')
  return await sendOpenedFile(reply, file, {
    // The type the indexer recorded: guessing from the name fails on names with line breaks.
    type: photo.mime ?? 'application/octet-stream',
    disposition: download ? attachmentHeader(photo.path.split('/').pop() ?? 'photo') : undefined
  })
}
