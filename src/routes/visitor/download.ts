import type { TypedApp } from '../../types.ts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { allAlbumPhotos, photoInAlbum, selectedAlbumPhotos } from '../../library/photos.ts'
import type { Photo } from '../../db/schema.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { sendZip } from '../media/send-zip.ts'
import { selectionTitle, uidList } from '../media/selection.ts'
import { shareRoute, type ResolveShare } from './share-scope.ts'
import { AlbumParams } from './params.ts'
import { render } from '../../views/pages.ts'

/** Repeated `photo` fields (uids). Loose like every visitor input: an unknown id is dropped, never a 400. */
const SelectionBody = Type.Object({
  photo: Type.Optional(
    Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 })])
  )
})

/**
 * The album's visible originals as one streamed zip (no HEAD: it would build
 * the whole zip to throw it away), or a selection of them (POST with
 * repeated `photo` fields: the grid's form). Zips are capped server-wide and
 * per client (more get a 503 with Retry-After), and before every entry the
 * share is resolved again and the photo's visibility read again, so revoking
 * a link or making a photo private takes effect in a zip already streaming.
 *
 * The selection form carries no CSRF token, like the visitor's other forms:
 * it changes nothing, and the visitor cookie is SameSite=Lax, so a
 * cross-site POST arrives without the session a download needs (a 404).
 */
export default async function downloadRoutes(
  app: TypedApp,
  { resolveShare }: { resolveShare: ResolveShare }
): Promise<void> {
  /** `decidedBy`: a Live Photo's clip is allowed when its still is, and the still is in the same list. */
  const stillAllowed =
    (request: FastifyRequest, decidedBy: Map<string, string>) =>
    async (photo: Pick<Photo, 'uid'>): Promise<boolean> => {
      const { share } = request
      const now = await resolveShare(request, share.token, share.ref, 'download').catch(() => null)
      return (
        now !== null &&
        now.link.id === share.link.id &&
        (await photoInAlbum(app.db, now.album, 'visitor', decidedBy.get(photo.uid) ?? photo.uid)) !== undefined
      )
    }

  const streamZip = async (
    request: FastifyRequest,
    reply: FastifyReply,
    photos: Photo[],
    title: string
  ): Promise<FastifyReply> => {
    const leave = app.limits.zips.tryEnter(clientKey(request.ip))
    if (!leave) {
      reply.code(503).header('retry-after', '60')
      return await render(reply, 'pages/visitor/busy', { title: 'Downloads busy', visitor: true })
    }
    try {
      app.linkStats.count(request.share.link.id, 'zip_downloads')
      const items = await withCompanions(app.db, photos)
      const uidOf = new Map(items.map(p => [p.id, p.uid]))
      const decidedBy = new Map(
        items.flatMap(p => (p.companion_of === null ? [] : [[p.uid, uidOf.get(p.companion_of) ?? p.uid] as const]))
      )
      return await sendZip(reply, request, items, app.config.originals, title, {
        stillAllowed: stillAllowed(request, decidedBy),
        stallMs: app.limits.zipStallMs,
        onClose: leave
      })
    } catch (err) {
      leave()
      throw err
    }
  }

  app.get(
    '/:token/:album/download',
    { ...shareRoute('download', { params: AlbumParams }), exposeHeadRoute: false },
    async (request, reply) => {
      const { album } = request.share
      return await streamZip(request, reply, await allAlbumPhotos(app.db, album, 'visitor'), album.title)
    }
  )

  app.post(
    '/:token/:album/download',
    shareRoute('download', { params: AlbumParams, body: SelectionBody }),
    async (request, reply) => {
      const { album, base } = request.share
      const uids = uidList(request.body.photo)
      // Nothing ticked (the form without JS can be sent empty): back to the album.
      if (uids.length === 0) return await reply.redirect(base, 303)
      return await streamZip(
        request,
        reply,
        await selectedAlbumPhotos(app.db, album, 'visitor', uids),
        selectionTitle(album.title)
      )
    }
  )
}
