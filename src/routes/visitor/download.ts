import type { FastifyInstance } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { allAlbumPhotos } from '../../library/photos.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { sendZip } from '../media/send-zip.ts'
import type { CheckAccess } from './access.ts'
import { AlbumParams } from './params.ts'

/** The album's visible originals as one streamed zip (no HEAD: it would build the whole zip to throw it away). */
export default async function downloadRoutes (app: FastifyInstance, { checkAccess }: { checkAccess: CheckAccess }): Promise<void> {
  app.get<{ Params: Static<typeof AlbumParams> }>('/:token/:album/download', { schema: { params: AlbumParams }, exposeHeadRoute: false }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album, 'download')
    if (!access) return
    const photos = await withCompanions(app.db, await allAlbumPhotos(app.db, access.album, 'visitor'))
    return await sendZip(reply, request, photos, app.config.originals, access.album.title)
  })
}
