import type { FastifyInstance } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { notFound } from '../../plugins/errors.ts'
import { photoInAlbum } from '../../library/photos.ts'
import { LruCache } from '../../library/lru-cache.ts'
import type { AlbumRef } from '../../library/membership.ts'
import { dataVersion } from '../../db/connect.ts'
import type { Photo } from '../../db/schema.ts'
import { isThumbSize } from '../../library/indexer/thumbnails.ts'
import { sendOriginal, sendThumb } from '../media/send-image.ts'
import { PhotoParams, ThumbParams } from './params.ts'

/** A download counts once: not a HEAD, a revalidation (304) or the later parts of a resumed download. */
const isWholeDownload = (method: string, status: number, range: unknown): boolean =>
  method === 'GET' && (status === 200 || (status === 206 && typeof range === 'string' && range.startsWith('bytes 0-')))

/** Image bytes after the same grant check as the pages: live token, photo in that album, visible. */
export default async function mediaRoutes (app: FastifyInstance): Promise<void> {
  // A grid asks for a hundred thumbnails at once: membership answers are kept per data version.
  const members = new LruCache<Photo | null>(5000)
  const visiblePhoto = async (album: AlbumRef, uid: string): Promise<Photo | undefined> => {
    const key = `${album.id}|${uid}|${dataVersion(app.db)}`
    let photo = members.get(key)
    if (photo === undefined) {
      photo = await photoInAlbum(app.db, album, 'visitor', uid) ?? null
      members.set(key, photo)
    }
    return photo ?? undefined
  }

  app.get<{ Params: Static<typeof ThumbParams> }>('/:token/:album/:photo/thumb/:size', {
    schema: { params: ThumbParams }, config: { access: 'content' }
  }, async (request, reply) => {
    const { size, photo: uid } = request.params
    const photo = isThumbSize(size) ? await visiblePhoto(request.share.album, uid) : undefined
    if (!photo || !isThumbSize(size)) throw notFound()
    return await sendThumb(reply, app.config.thumbsDir, photo, size)
  })

  app.get<{ Params: Static<typeof PhotoParams> }>('/:token/:album/:photo/original', {
    schema: { params: PhotoParams }, config: { access: 'download' }
  }, async (request, reply) => {
    const photo = await photoInAlbum(app.db, request.share.album, 'visitor', request.params.photo)
    if (!photo) throw notFound()
    await sendOriginal(reply, app.config.originals, photo, true)
    if (isWholeDownload(request.method, reply.statusCode, reply.getHeader('content-range'))) app.linkStats.count(request.share.link.id, 'downloads')
    return reply
  })
}
