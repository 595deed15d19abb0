import { readFile, realpath, stat } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import type { FastifyReply } from 'fastify'
import type { Photo } from '../../db/schema.ts'
import { isInside } from '../../library/indexer/scan.ts'
import { thumbPath, type ThumbSize } from '../../library/indexer/thumbnails.ts'

/** `attachment` with an ASCII fallback and the exact name per RFC 5987; quotes, CR/LF and unicode cannot break the header. */
export function attachmentHeader (filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/**
 * Thumbnails are named by content hash, so the ETag needs no stat: a
 * revalidation (If-None-Match → 304) touches no file, and a tile (~20 KB) is
 * read whole. `no-cache` makes every use revalidate, which keeps revocation
 * instant.
 */
export async function sendThumb (reply: FastifyReply, thumbsDir: string, photo: Pick<Photo, 'hash'>, size: ThumbSize): Promise<FastifyReply> {
  if (!photo.hash) { reply.callNotFound(); return reply }
  const etag = `"${photo.hash}-${size}"`
  reply.header('cache-control', 'private, no-cache').header('etag', etag)
  if (reply.request.headers['if-none-match'] === etag) return await reply.code(304).send()
  const body = await readFile(thumbPath(thumbsDir, photo.hash, size)).catch(() => null)
  if (!body) { reply.removeHeader('etag'); reply.callNotFound(); return reply }
  return await reply.type('image/webp').send(body)
}

/**
 * The path of the photo's file relative to the real originals root, if it
 * resolves (symlinks too) inside the root to a regular file that
 * @fastify/static will serve (it refuses a backslash as non-canonical);
 * else null, and the photo is as unreachable as a missing one.
 */
async function servablePath (realRoot: string, photo: Pick<Photo, 'path'>): Promise<string | null> {
  const target = await realpath(resolve(realRoot, photo.path)).catch(() => null)
  if (!target || !isInside(realRoot, target) || !(await stat(target).catch(() => null))?.isFile()) return null
  const path = relative(realRoot, target).split(sep).join('/')
  return path.includes('\\') ? null : path
}

/**
 * Streams an original with type, length, ranges and ETag. The path comes from
 * the database; it is checked before any header is set, so a miss is a plain 404 page.
 */
export async function sendOriginal (reply: FastifyReply, root: string, photo: Pick<Photo, 'path' | 'mime'>, download: boolean): Promise<FastifyReply> {
  const realRoot = await realpath(root).catch(() => null)
  const path = realRoot ? await servablePath(realRoot, photo) : null
  if (!realRoot || !path) { reply.callNotFound(); return reply }
  reply.header('cache-control', 'private, no-cache')
  // The type the indexer recorded: guessing from the name fails on names with line breaks.
  reply.type(photo.mime ?? 'application/octet-stream')
  if (download) reply.header('content-disposition', attachmentHeader(photo.path.split('/').pop() ?? 'photo'))
  return await reply.sendFile(path, realRoot, { cacheControl: false, contentType: false, dotfiles: 'deny' })
}
