import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { photoInAlbum } from '../../library/photos.ts'
import type { AlbumRef } from '../../library/albums/membership.ts'
import { ReadCache } from '../../db/read-cache.ts'
import type { Photo } from '../../db/schema.ts'
import { isThumbSize } from '../../library/indexer/thumbnails.ts'
import { sendOriginal, sendThumb } from '../media/send-image.ts'
import { PhotoParams, ThumbParams } from './params.ts'
import { shareRoute } from './share-scope.ts'

/** A download counts once: not a HEAD, a revalidation (304) or the later parts of a resumed download. */
const isWholeDownload = (method: string, status: number, range: unknown): boolean =>
  method === 'GET' && (status === 200 || (status === 206 && typeof range === 'string' && range.startsWith('bytes 0-')))

/** Image bytes after the same grant check as the pages: live token, photo in that album, visible. */
export default async function mediaRoutes(app: TypedApp): Promise<void> {
  // A grid asks for a hundred thumbnails at once: membership answers are kept until the data changes.
  const members = new ReadCache<Photo | null>(app.db, 5000)
  const visiblePhoto = async (album: AlbumRef, uid: string): Promise<Photo | undefined> =>
    (await members.get(
      `${album.id}|${uid}`,
      async () => (await photoInAlbum(app.db, album, 'visitor', uid)) ?? null
    )) ?? undefined

  app.get(
    '/:token/:album/:photo/thumb/:size',
    shareRoute('content', { params: ThumbParams }),
    async (request, reply) => {
      const { size, photo: uid } = request.params
      const photo = isThumbSize(size) ? await visiblePhoto(request.share.album, uid) : undefined
      if (!photo || !isThumbSize(size)) throw notFound()
      return await sendThumb(reply, app.storage, photo, size)
    }
  )

  app.get('/:token/:album/:photo/original', shareRoute('download', { params: PhotoParams }), async (request, reply) => {
    const photo = await photoInAlbum(app.db, request.share.album, 'visitor', request.params.photo)
    if (!photo) throw notFound()
    await sendOriginal(reply, app.config.originals, photo, true)
    if (isWholeDownload(request.method, reply.statusCode, reply.getHeader('content-range'))) {
      app.linkStats.count(request.share.link.id, 'downloads')
    }
    return reply
  })
}
