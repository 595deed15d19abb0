import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { findAlbum } from '../../library/albums/albums.ts'
import { selectionView } from './selection-view.ts'
import { summarizeAlbum } from '../../library/albums/summaries.ts'
import { albumPage, allAlbumPhotos, PAGE_SIZE } from '../../library/photos.ts'
import { sendZip } from '../media/send-zip.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { linksOfAlbum } from '../../sharing/links.ts'
import { SelectionQuery, UidParams } from './params.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

export default async function albumRoutes(app: TypedApp): Promise<void> {
  app.get('/albums/:uid', { schema: { params: UidParams, querystring: SelectionQuery } }, async (request, reply) => {
    const album = await findAlbum(app.db, request.params.uid)
    if (!album) throw notFound()
    const page = request.query.page
    const [summary, photos, links, selection] = await Promise.all([
      summarizeAlbum(app.db, album, 'owner'),
      albumPage(app.db, album, 'owner', page),
      linksOfAlbum(app.db, album.id),
      selectionView(app.db, request.query, album.id)
    ])
    return await render(reply, 'pages/owner/album', {
      title: album.title,
      album,
      summary,
      photos,
      page,
      pages: Math.max(1, Math.ceil(summary.count / PAGE_SIZE)),
      linkCount: links.length,
      listPath: ownerUrls.list(album.kind),
      ...selection
    })
  })

  /** The owner's own download includes private photos: it is their library. */
  app.get(
    '/albums/:uid/download',
    { schema: { params: UidParams }, exposeHeadRoute: false },
    async (request, reply) => {
      const album = await findAlbum(app.db, request.params.uid)
      if (!album) throw notFound()
      return await sendZip(
        reply,
        request,
        await withCompanions(app.db, await allAlbumPhotos(app.db, album, 'owner')),
        app.config.originals,
        album.title
      )
    }
  )
}
