import type { TypedApp } from '../../types.ts'
import type { FastifyRequest } from 'fastify'
import { allAlbumPhotos, photoInAlbum } from '../../library/photos.ts'
import type { Photo } from '../../db/schema.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { sendZip } from '../media/send-zip.ts'
import type { ResolveShare } from './share-scope.ts'
import { AlbumParams } from './params.ts'
import { render } from '../../views/pages.ts'

/**
 * The album's visible originals as one streamed zip (no HEAD: it would build
 * the whole zip to throw it away). Zips are capped server-wide and per
 * client (more get a 503 with Retry-After), and before every entry the share
 * is resolved again and the photo's visibility read again, so revoking a
 * link or making a photo private takes effect in a zip already streaming.
 */
export default async function downloadRoutes (app: TypedApp, { resolveShare }: { resolveShare: ResolveShare }): Promise<void> {
  /** `decidedBy`: a Live Photo's clip is allowed when its still is, and the still is in the same list. */
  const stillAllowed = (request: FastifyRequest, decidedBy: Map<string, string>) => async (photo: Pick<Photo, 'uid'>): Promise<boolean> => {
    const { share } = request
    const now = await resolveShare(request, share.token, share.ref, 'download').catch(() => null)
    return now !== null && now.link.id === share.link.id &&
      await photoInAlbum(app.db, now.album, 'visitor', decidedBy.get(photo.uid) ?? photo.uid) !== undefined
  }

  app.get('/:token/:album/download', {
    schema: { params: AlbumParams }, config: { access: 'download' }, exposeHeadRoute: false
  }, async (request, reply) => {
    const leave = app.limits.zips.tryEnter(clientKey(request.ip))
    if (!leave) {
      reply.code(503).header('retry-after', '60')
      return await render(reply, 'pages/visitor/busy', { title: 'Downloads busy', visitor: true })
    }
    try {
      const { album, link } = request.share
      app.linkStats.count(link.id, 'zip_downloads')
      const items = await withCompanions(app.db, await allAlbumPhotos(app.db, album, 'visitor'))
      const uidOf = new Map(items.map(p => [p.id, p.uid]))
      const decidedBy = new Map(items.flatMap(p => p.companion_of === null ? [] : [[p.uid, uidOf.get(p.companion_of) ?? p.uid] as const]))
      return await sendZip(reply, request, items, app.config.originals, album.title, {
        stillAllowed: stillAllowed(request, decidedBy),
        stallMs: app.limits.zipStallMs,
        onClose: leave
      })
    } catch (err) {
      leave()
      throw err
    }
  })
}
