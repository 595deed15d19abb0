import { basename } from 'node:path'
import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { neighbours, photoInAlbum } from '../../library/photos.ts'
import { PhotoParams } from './params.ts'
import { playbackOf } from '../../library/media/playback.ts'
import { render } from '../../views/pages.ts'

export default async function photoRoutes (app: TypedApp): Promise<void> {
  app.get('/:token/:album/:photo', { schema: { params: PhotoParams }, config: { access: 'content' } }, async (request, reply) => {
    const { album, link, base } = request.share
    const photo = await photoInAlbum(app.db, album, 'visitor', request.params.photo)
    if (!photo) throw notFound()
    return await render(reply, 'pages/visitor/photo', {
      playback: await playbackOf(app.db, app.config.thumbsDir, photo),
      title: photo.title ?? basename(photo.path),
      visitor: true,
      bodyClass: 'viewer',
      album,
      downloads: link.allowDownloads,
      base,
      photo,
      around: await neighbours(app.db, album, 'visitor', photo)
    })
  })
}
