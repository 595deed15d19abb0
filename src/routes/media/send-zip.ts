import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Photo } from '../../db/schema.ts'
import { albumZip, zipFileName } from '../../library/album-zip.ts'
import { attachmentHeader } from './send-image.ts'

/**
 * Streams an album's originals as a zip named after the album. A client that
 * goes away mid-download makes Fastify destroy the archive, which closes the
 * file it was reading.
 */
export async function sendZip (reply: FastifyReply, request: FastifyRequest, photos: Photo[], root: string, title: string): Promise<FastifyReply> {
  const archive = await albumZip(photos, root)
  archive.on('error', err => { request.log.warn({ err }, 'zip stream failed') })
  return await reply
    .type('application/zip')
    .header('content-disposition', attachmentHeader(zipFileName(title)))
    .header('cache-control', 'private, no-store')
    .send(archive)
}
