import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { Type } from '@sinclair/typebox'
import { findAlbum } from '../../library/albums/albums.ts'
import { allAlbumPhotos } from '../../library/photos.ts'
import type { PhotoUrls } from '../../library/map-features.ts'
import { sendMapData, sendMapPage } from '../media/send-map.ts'
import { UidParams } from './params.ts'
import { ownerUrls } from '../../views/urls.ts'

const MapQuery = Type.Object({ photo: Type.Optional(Type.String({ maxLength: 200 })) })

/**
 * The owner's map of any album: the same page and data as a visitor's, private photos included, over the owner's media
 * routes.
 */
export default async function ownerMapRoutes(app: TypedApp): Promise<void> {
  const urlsOf = (albumUid: string): PhotoUrls => ({
    thumb: uid => ownerUrls.thumb(uid, 'tile'),
    page: uid => ownerUrls.photo(uid, albumUid)
  })

  app.get('/albums/:uid/map', { schema: { params: UidParams, querystring: MapQuery } }, async (request, reply) => {
    const album = await findAlbum(app.db, request.params.uid)
    if (!album) throw notFound()
    return await sendMapPage(
      reply,
      app.config.mapStyle,
      await allAlbumPhotos(app.db, album, 'owner'),
      urlsOf(album.uid),
      {
        title: album.title,
        back: ownerUrls.album(album.uid),
        dataUrl: ownerUrls.album(album.uid, 'map.geojson'),
        focus: request.query.photo,
        visitor: false
      }
    )
  })

  app.get('/albums/:uid/map.geojson', { schema: { params: UidParams } }, async (request, reply) => {
    const album = await findAlbum(app.db, request.params.uid)
    if (!album) throw notFound()
    return await sendMapData(reply, await allAlbumPhotos(app.db, album, 'owner'), urlsOf(album.uid))
  })
}
