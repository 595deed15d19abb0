import type { FastifyInstance } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { neighbours, photoInAlbum } from '../../library/photos.ts'
import type { CheckAccess } from './access.ts'
import { PhotoParams } from './params.ts'
import { playbackView } from '../media/send-video.ts'

export default async function photoRoutes (app: FastifyInstance, { checkAccess }: { checkAccess: CheckAccess }): Promise<void> {
  app.get<{ Params: Static<typeof PhotoParams> }>('/:token/:album/:photo', { schema: { params: PhotoParams } }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album)
    if (!access) return
    const photo = await photoInAlbum(app.db, access.album, 'visitor', request.params.photo)
    if (!photo) return await sendInvalidLink(reply)
    const base = `/s/${access.token}/${request.params.album}`
    return await reply.view('pages/visitor/photo', {
      ...await playbackView(app.db, app.config.thumbsDir, photo),
      title: photo.title ?? photo.path.split('/').pop(),
      visitor: true,
      bodyClass: 'viewer',
      album: access.album,
      base,
      photo,
      around: await neighbours(app.db, access.album, 'visitor', photo)
    })
  })
}
