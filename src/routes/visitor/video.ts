import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { photoInAlbum } from '../../library/photos.ts'
import { videoClip } from '../../library/live-photos.ts'
import { sendVideo } from '../media/send-video.ts'
import { PhotoParams } from './params.ts'
import { shareRoute } from './share-scope.ts'

/** A shared video (or a Live Photo's clip) as browsers play it, after the same grant check as its page. */
export default async function videoRoutes(app: TypedApp): Promise<void> {
  app.get('/:token/:album/:photo/video', shareRoute('content', { params: PhotoParams }), async (request, reply) => {
    const item = await photoInAlbum(app.db, request.share.album, 'visitor', request.params.photo)
    const clip = item && (await videoClip(app.db, item))
    if (!clip) throw notFound()
    return await sendVideo(reply, app.config.originals, app.storage, clip)
  })
}
