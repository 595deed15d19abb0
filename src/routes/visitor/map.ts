import type { TypedApp } from '../../types.ts'
import { Type } from '@sinclair/typebox'
import { allAlbumPhotos } from '../../library/photos.ts'
import type { PhotoUrls } from '../../library/map-features.ts'
import { sendMapData, sendMapPage } from '../media/send-map.ts'
import { AlbumParams } from './params.ts'
import { renderPasswordPage } from './unlock.ts'
import { admitShare } from './admit.ts'
import { visitorUrls } from '../../views/urls.ts'
import { shareRoute } from './share-scope.ts'

const MapQuery = Type.Object({ photo: Type.Optional(Type.String({ maxLength: 200 })) })

const urlsUnder = (base: string): PhotoUrls => ({
  thumb: uid => visitorUrls.thumb(base, uid, 'tile'),
  page: uid => visitorUrls.photo(base, uid)
})

/**
 * The shared album's located photos on a map (the router prefers the static
 * `map` segments over `:photo`). A link may be opened at the map page, like
 * at the album; its data needs the session that page opened.
 */
export default async function mapRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/:token/:album/map',
    shareRoute('page', { params: AlbumParams, querystring: MapQuery }),
    async (request, reply) => {
      const { share } = request
      const { album, base } = share
      const focus = request.query.photo
      if (share.locked) {
        return await renderPasswordPage(reply, share, null, visitorUrls.map(base, focus))
      }
      await admitShare(app, request)
      return await sendMapPage(
        reply,
        app.config.mapStyle,
        await allAlbumPhotos(app.db, album, 'visitor'),
        urlsUnder(base),
        {
          title: album.title,
          back: base,
          base,
          dataUrl: visitorUrls.albumPart(base, 'map.geojson'),
          focus,
          visitor: true
        }
      )
    }
  )

  app.get('/:token/:album/map.geojson', shareRoute('content', { params: AlbumParams }), async (request, reply) => {
    const { album, base } = request.share
    return await sendMapData(reply, await allAlbumPhotos(app.db, album, 'visitor'), urlsUnder(base))
  })
}
