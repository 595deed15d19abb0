import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { allAlbumPhotos, photoInAlbum } from '../../library/photos.ts'
import type { Photo } from '../../db/schema.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { resolveGrant } from '../../sharing/grants.ts'
import { hasToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import { standsFor, withCompanions } from '../../library/live-photos.ts'
import { sendZip } from '../media/send-zip.ts'
import { isLocked, type Access, type CheckAccess } from './access.ts'
import { AlbumParams } from './params.ts'

/**
 * The album's visible originals as one streamed zip (no HEAD: it would build
 * the whole zip to throw it away). Zips are capped server-wide and per
 * client (more get a 503 with Retry-After), and before every entry the link
 * and the photo are checked again, so revoking or making a photo private
 * takes effect in a zip that is already streaming.
 */
export default async function downloadRoutes (app: FastifyInstance, { checkAccess }: { checkAccess: CheckAccess }): Promise<void> {
  /** The same answer the first check gave, asked again now: link live, session not ended, unlocked, downloads on, photo visible. */
  const stillAllowed = (request: FastifyRequest, access: Access, ref: string) => async (photo: Pick<Photo, 'uid'>): Promise<boolean> => {
    const now = app.now()
    const grant = await resolveGrant(app.db, { token: access.token, ref, sid: visitorSessionId(request.visitor) }, now)
    if (!grant || grant.sessionEnded || grant.album.link_id !== access.album.link_id || !grant.album.link_allow_downloads) return false
    if (!hasToken(request.visitor, access.token) || isLocked(grant.album, request, now)) return false
    return await photoInAlbum(app.db, grant.album, 'visitor', await standsFor(app.db, photo.uid)) !== undefined
  }

  app.get<{ Params: Static<typeof AlbumParams> }>('/:token/:album/download', { schema: { params: AlbumParams }, exposeHeadRoute: false }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album, 'download')
    if (!access) return
    const leave = app.limits.zips.tryEnter(clientKey(request.ip))
    if (!leave) {
      reply.code(503).header('retry-after', '60')
      return await reply.view('pages/visitor/busy', { title: 'Downloads busy', visitor: true })
    }
    try {
      const photos = await withCompanions(app.db, await allAlbumPhotos(app.db, access.album, 'visitor'))
      return await sendZip(reply, request, photos, app.config.originals, access.album.title, {
        stillAllowed: stillAllowed(request, access, request.params.album),
        stallMs: app.limits.zipStallMs,
        onClose: leave
      })
    } catch (err) {
      leave()
      throw err
    }
  })
}
