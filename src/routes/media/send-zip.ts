import type { FastifyReply, FastifyRequest } from 'fastify'
import { albumZip, zipFileName, ZipRevokedError, type ZipOptions, type ZipPhoto } from '../../library/album-zip.ts'
import { attachmentHeader } from './send-image.ts'

export interface SendZipOptions extends ZipOptions {
  /** End the download when the client has read nothing for this long. */
  stallMs?: number
  /** Called once when the response is over, however it ended. */
  onClose?: () => void
}

/**
 * Streams an album's originals as a zip named after the album. A client that
 * goes away mid-download, or stops reading for `stallMs`, makes the socket
 * close, which destroys the archive and the file it was reading.
 */
export async function sendZip(
  reply: FastifyReply,
  request: FastifyRequest,
  photos: ZipPhoto[],
  root: string,
  title: string,
  options: SendZipOptions = {}
): Promise<FastifyReply> {
  const archive = await albumZip(photos, root, options)
  archive.on('error', err => {
    if (err instanceof ZipRevokedError) request.log.info('zip ended: access was revoked while it streamed')
    else request.log.warn({ err }, 'zip stream failed')
  })
  if (options.onClose) reply.raw.once('close', options.onClose)
  const stallMs = options.stallMs
  if (stallMs) {
    // The socket's idle timer is refreshed by every write the client takes; a client that reads nothing lets it fire.
    reply.raw.setTimeout(stallMs, () => {
      request.log.info(`zip ended: the client read nothing for ${stallMs} ms`)
      archive.destroy()
      reply.raw.destroy()
    })
  }
  return await reply
    .type('application/zip')
    .header('content-disposition', attachmentHeader(zipFileName(title)))
    .header('cache-control', 'private, no-store')
    .send(archive)
}
