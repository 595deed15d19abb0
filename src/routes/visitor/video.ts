import type { FastifyInstance } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { photoInAlbum } from '../../library/photos.ts'
import { videoClip } from '../../library/live-photos.ts'
import { sendVideo } from '../media/send-video.ts'
import type { CheckAccess } from './access.ts'
import { PhotoParams } from './params.ts'

/** A shared video (or a Live Photo's clip) as browsers play it, after the same grant check as its page. */
export default async function videoRoutes (app: FastifyInstance, { checkAccess }: { checkAccess: CheckAccess }): Promise<void> {
  app.get<{ Params: Static<typeof PhotoParams> }>('/:token/:album/:photo/video', { schema: { params: PhotoParams } }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album, 'content')
    if (!access) return
    const item = await photoInAlbum(app.db, access.album, 'visitor', request.params.photo)
    const clip = item && await videoClip(app.db, item)
    if (!clip) return await sendInvalidLink(reply)
    return await sendVideo(reply, app.config, clip, async () => await sendInvalidLink(reply))
  })
}
