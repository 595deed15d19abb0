import type { TypedApp } from '../../types.ts'
import { Type } from '@sinclair/typebox'
import { notFound } from '../../plugins/errors.ts'
import { findPhoto } from '../../library/photos.ts'
import { videoClip } from '../../library/live-photos.ts'
import { Uid } from './params.ts'
import { sendVideo } from '../media/send-video.ts'

/** The owner's video playback (inside the owner scope: a session is required). */
export default async function ownerVideoRoutes(app: TypedApp): Promise<void> {
  app.get('/media/video/:uid', { schema: { params: Type.Object({ uid: Uid }) } }, async (request, reply) => {
    const item = await findPhoto(app.db, request.params.uid)
    const clip = item && !item.missing ? await videoClip(app.db, item) : undefined
    if (!clip) throw notFound()
    return await sendVideo(reply, app.config.originals, app.storage, clip)
  })
}
