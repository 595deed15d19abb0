import { realpath } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import type { FastifyReply } from 'fastify'
import type { Photo } from '../../db/schema.ts'
import { isInside } from '../../library/indexer/scan.ts'
import type { ThumbSize } from '../../library/indexer/thumbnails.ts'

/** `attachment` with an ASCII fallback and the exact name per RFC 5987; quotes, CR/LF and unicode cannot break the header. */
export function attachmentHeader (filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** Thumbnails are immutable per hash; revalidation (ETag → 304) keeps revocation instant. */
export async function sendThumb (reply: FastifyReply, thumbsDir: string, photo: Pick<Photo, 'hash'>, size: ThumbSize): Promise<FastifyReply> {
  if (!photo.hash) { reply.callNotFound(); return reply }
  reply.header('cache-control', 'private, no-cache')
  return await reply.sendFile(`${photo.hash.slice(0, 2)}/${photo.hash}-${size}.webp`, thumbsDir, { cacheControl: false })
}

/**
 * Streams an original with type, length, ranges and ETag. The path comes from
 * the database and must resolve (symlinks too) inside the originals root.
 */
export async function sendOriginal (reply: FastifyReply, root: string, photo: Pick<Photo, 'path' | 'mime'>, download: boolean): Promise<FastifyReply> {
  const realRoot = await realpath(root).catch(() => null)
  const target = realRoot ? await realpath(resolve(realRoot, photo.path)).catch(() => null) : null
  if (!realRoot || !target || !isInside(realRoot, target)) { reply.callNotFound(); return reply }
  reply.header('cache-control', 'private, no-cache')
  if (photo.mime) reply.type(photo.mime)
  if (download) reply.header('content-disposition', attachmentHeader(photo.path.split('/').pop() ?? 'photo'))
  return await reply.sendFile(relative(realRoot, target).split(sep).join('/'), realRoot, { cacheControl: false, dotfiles: 'deny' })
}
