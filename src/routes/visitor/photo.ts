import { basename } from 'node:path'
import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { neighbours, photoInAlbum } from '../../library/photos.ts'
import { PhotoParams } from './params.ts'
import { playbackOf } from '../../library/media/playback.ts'
import { render } from '../../views/pages.ts'
import { renderPasswordPage } from './unlock.ts'
import { admitShare } from './admit.ts'

/**
 * A photo's page, which a link may also be opened at: it opens the visitor
 * session like the album page (or shows the password form, returning here),
 * and counts a photo view.
 */
export default async function photoRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/:token/:album/:photo',
    { schema: { params: PhotoParams }, config: { access: 'page' } },
    async (request, reply) => {
      const { share } = request
      const { album, link, base } = share
      if (share.locked) return await renderPasswordPage(reply, share, null, `${base}/${request.params.photo}`)
      const photo = await photoInAlbum(app.db, album, 'visitor', request.params.photo)
      if (!photo) throw notFound()
      await admitShare(app, request)
      if (request.method === 'GET') app.linkStats.count(link.id, 'photo_views')
      return await render(reply, 'pages/visitor/photo', {
        playback: await playbackOf(app.db, app.storage, photo),
        title: photo.title ?? basename(photo.path),
        visitor: true,
        bodyClass: 'viewer',
        album,
        downloads: link.allowDownloads,
        base,
        photo,
        around: await neighbours(app.db, album, 'visitor', photo)
      })
    }
  )
}
