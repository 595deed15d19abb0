import type { TypedApp } from '../../types.ts'
import { Type } from '@sinclair/typebox'
import { allAlbumPhotos } from '../../library/photos.ts'
import type { PhotoUrls } from '../../library/map-features.ts'
import { sendMapData, sendMapPage } from '../media/send-map.ts'
import { AlbumParams } from './params.ts'

const MapQuery = Type.Object({ photo: Type.Optional(Type.String({ maxLength: 200 })) })

const urlsUnder = (base: string): PhotoUrls => ({ thumb: uid => `${base}/${uid}/thumb/tile`, page: uid => `${base}/${uid}` })

/** The shared album's located photos on a map (the router prefers the static `map` segments over `:photo`). */
export default async function mapRoutes (app: TypedApp): Promise<void> {
  app.get('/:token/:album/map', {
    schema: { params: AlbumParams, querystring: MapQuery },
    config: { access: 'content' }
  }, async (request, reply) => {
    const { album, base } = request.share
    return await sendMapPage(reply, app.config.mapStyle, await allAlbumPhotos(app.db, album, 'visitor'), urlsUnder(base), {
      title: album.title,
      back: base,
      base,
      dataUrl: `${base}/map.geojson`,
      focus: request.query.photo,
      visitor: true
    })
  })

  app.get('/:token/:album/map.geojson', {
    schema: { params: AlbumParams },
    config: { access: 'content' }
  }, async (request, reply) => {
    const { album, base } = request.share
    return await sendMapData(reply, await allAlbumPhotos(app.db, album, 'visitor'), urlsUnder(base))
  })
}
