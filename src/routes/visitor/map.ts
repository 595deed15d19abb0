import type { FastifyInstance } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { allAlbumPhotos } from '../../library/photos.ts'
import type { PhotoUrls } from '../../library/map-features.ts'
import { sendMapData, sendMapPage } from '../media/send-map.ts'
import type { CheckAccess } from './access.ts'
import { AlbumParams } from './params.ts'

const MapQuery = Type.Object({ photo: Type.Optional(Type.String({ maxLength: 200 })) })

const urlsUnder = (base: string): PhotoUrls => ({ thumb: uid => `${base}/${uid}/thumb/tile`, page: uid => `${base}/${uid}` })

/**
 * The shared album's located photos on a map. Registered before the photo
 * page's `/:token/:album/:photo`; Fastify's router prefers the static
 * segments `map` and `map.geojson` over the parameter either way.
 */
export default async function mapRoutes (app: FastifyInstance, { checkAccess }: { checkAccess: CheckAccess }): Promise<void> {
  app.get<{ Params: Static<typeof AlbumParams>, Querystring: Static<typeof MapQuery> }>('/:token/:album/map', {
    schema: { params: AlbumParams, querystring: MapQuery }
  }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album)
    if (!access) return
    const base = `/s/${access.token}/${request.params.album}`
    return await sendMapPage(reply, app.config.mapStyle, await allAlbumPhotos(app.db, access.album, 'visitor'), urlsUnder(base), {
      title: access.album.title,
      back: base,
      base,
      dataUrl: `${base}/map.geojson`,
      focus: request.query.photo,
      visitor: true
    })
  })

  app.get<{ Params: Static<typeof AlbumParams> }>('/:token/:album/map.geojson', { schema: { params: AlbumParams } }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album)
    if (!access) return
    const base = `/s/${access.token}/${request.params.album}`
    return await sendMapData(reply, await allAlbumPhotos(app.db, access.album, 'visitor'), urlsUnder(base))
  })
}
