import type { FastifyReply } from 'fastify'
import type { Storage } from '../../storage/storage.ts'
import { notFound } from '../../plugins/errors.ts'
import { sendRanged } from './send-file.ts'

/**
 * A granted request for a stored object, answered by a store that redirects
 * (ALBUMLINK_S3_REDIRECT): 302 to a presigned URL valid at most 60 s, with
 * no validator (the bytes come from the bucket, under another URL). Null
 * when the store serves through the app.
 */
export async function redirectToStored(
  reply: FastifyReply,
  storage: Storage,
  key: string,
  type: string
): Promise<FastifyReply | null> {
  if (!storage.redirects) return null
  const url = await storage.presignedUrl(key, { type })
  if (!url) return null
  reply.removeHeader('etag')
  return await reply.header('cache-control', 'private, no-cache').redirect(url, 302)
}

/**
 * A stored object (a video rendition) streamed with type, length, ranges and
 * its store's ETag, or redirected to; a missing one throws `notFound()`.
 * The store is asked once whether it has it. Callers check the grant first:
 * the store is asked nothing before.
 */
export async function sendStored(
  reply: FastifyReply,
  storage: Storage,
  key: string,
  type: string
): Promise<FastifyReply> {
  if (storage.redirects) {
    if (!(await storage.exists(key))) throw notFound()
    const redirected = await redirectToStored(reply, storage, key, type)
    if (redirected) return redirected
  }
  const object = await storage.open(key)
  if (!object) throw notFound()
  reply.header('cache-control', 'private, no-cache')
  return await sendRanged(reply, object, { type })
}
