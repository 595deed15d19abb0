import type { FastifyReply } from 'fastify'
import parseRange from 'range-parser'
import type { OpenedFile } from '../../library/original-files.ts'
import { openedFileObject } from '../../storage/folder.ts'
import type { OpenedObject } from '../../storage/storage.ts'

export interface SendFileOptions {
  type: string
  /** `Content-Disposition` value, for downloads. */
  disposition?: string
}

/**
 * Streams an opened file with ETag (size and time), 304 on a match, and one
 * byte range (206, or 416 when it lies outside the file). Several ranges in
 * one request get the whole file. The handle is closed when the reply ends,
 * however it ends.
 */
export async function sendOpenedFile(
  reply: FastifyReply,
  file: OpenedFile,
  options: SendFileOptions
): Promise<FastifyReply> {
  return await sendRanged(reply, openedFileObject(file), options)
}

/**
 * Sends an object (a file, or one in a bucket) with its ETag, 304 on a
 * match, and one byte range (206, or 416 when it lies outside). Several
 * ranges in one request get the whole object. Nothing is read for a 304, a
 * HEAD or a 416; `close` is called then.
 */
export async function sendRanged(
  reply: FastifyReply,
  object: OpenedObject,
  options: SendFileOptions
): Promise<FastifyReply> {
  const { size, etag } = object
  reply.header('etag', etag).header('accept-ranges', 'bytes').header('last-modified', object.lastModified.toUTCString())
  const request = reply.request
  if (request.headers['if-none-match'] === etag) {
    await object.close()
    return await reply.code(304).send()
  }
  reply.type(options.type)
  if (options.disposition) reply.header('content-disposition', options.disposition)
  const header = request.headers.range
  const ranges =
    header && (!request.headers['if-range'] || request.headers['if-range'] === etag)
      ? parseRange(size, header, { combine: true })
      : undefined
  if (ranges === -1) {
    await object.close()
    return await reply
      .code(416)
      .header('content-range', `bytes */${size}`)
      .type('text/plain; charset=utf-8')
      .send('The requested range lies outside the file.')
  }
  const range = Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined
  if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`)
  const start = range?.start ?? 0
  const end = range?.end ?? size - 1
  reply.header('content-length', String(Math.max(0, end - start + 1)))
  if (request.method === 'HEAD' || size === 0) {
    await object.close()
    return await reply.send()
  }
  return await reply.send(await object.read(range ? { start, end } : undefined))
}
