import type { FastifyInstance } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { photoInAlbum } from '../../library/photos.ts'
import { LruCache } from '../../library/lru-cache.ts'
import type { AlbumRef } from '../../library/membership.ts'
import { dataVersion } from '../../db/connect.ts'
import type { Photo } from '../../db/schema.ts'
import { isThumbSize } from '../../library/indexer/thumbnails.ts'
import { sendOriginal, sendThumb } from '../media/send-image.ts'
import type { CheckAccess } from './access.ts'
import { PhotoParams, ThumbParams } from './params.ts'

/** Image bytes after the same grant check as the pages: live token, photo in that album, visible. */
export default async function mediaRoutes (app: FastifyInstance, { checkAccess }: { checkAccess: CheckAccess }): Promise<void> {
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

  app.get<{ Params: Static<typeof ThumbParams> }>('/:token/:album/:photo/thumb/:size', { schema: { params: ThumbParams } }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album)
    if (!access) return
    const photo = isThumbSize(request.params.size) ? await visiblePhoto(access.album, request.params.photo) : undefined
    if (!photo || !isThumbSize(request.params.size)) return await sendInvalidLink(reply)
    return await sendThumb(reply, app.config.thumbsDir, photo, request.params.size)
  })

  app.get<{ Params: Static<typeof PhotoParams> }>('/:token/:album/:photo/original', { schema: { params: PhotoParams } }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album, 'download')
    if (!access) return
    const photo = await photoInAlbum(app.db, access.album, 'visitor', request.params.photo)
    if (!photo) return await sendInvalidLink(reply)
    return await sendOriginal(reply, app.config.originals, photo, true)
  })
}
