import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { Type } from '@sinclair/typebox'
import { findPhoto } from '../../library/photos.ts'
import { isThumbSize } from '../../library/indexer/thumbnails.ts'
import { Uid } from './params.ts'
import { sendOriginal, sendThumb } from '../media/send-image.ts'

const ThumbParams = Type.Object({ uid: Uid, size: Type.String({ maxLength: 10 }) })
const OriginalQuery = Type.Object({ download: Type.Optional(Type.String()) })

/** The owner's image bytes (registered inside the owner scope: a session is required). */
export default async function ownerMediaRoutes(app: TypedApp): Promise<void> {
  app.get('/media/thumb/:uid/:size', { schema: { params: ThumbParams } }, async (request, reply) => {
    const photo = await findPhoto(app.db, request.params.uid)
    if (!photo || !isThumbSize(request.params.size)) throw notFound()
    return await sendThumb(reply, app.storage, photo, request.params.size)
  })

  app.get(
    '/media/original/:uid',
    { schema: { params: Type.Object({ uid: Uid }), querystring: OriginalQuery } },
    async (request, reply) => {
      const photo = await findPhoto(app.db, request.params.uid)
      if (!photo || photo.missing) throw notFound()
      return await sendOriginal(reply, app.config.originals, photo, request.query.download !== undefined)
    }
  )
}
