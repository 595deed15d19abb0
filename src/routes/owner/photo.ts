import { basename } from 'node:path'
import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { Type } from '@sinclair/typebox'
import { findAlbum } from '../../library/albums/albums.ts'
import { findPhoto, neighbours, photoInAlbum, setArchived, setPrivate, type Neighbours } from '../../library/photos.ts'
import { playbackOf } from '../../library/media/playback.ts'
import { CsrfBody, Uid, UidParams } from './params.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

const PhotoQuery = Type.Object({ album: Type.Optional(Uid) })
const ToggleBody = Type.Composite([
  CsrfBody,
  Type.Object({
    value: Type.Union([Type.Literal('1'), Type.Literal('0')]),
    album: Type.Optional(Type.Union([Uid, Type.Literal('')]))
  })
])

export default async function photoRoutes(app: TypedApp): Promise<void> {
  app.get('/photos/:uid', { schema: { params: UidParams, querystring: PhotoQuery } }, async (request, reply) => {
    const photo = await findPhoto(app.db, request.params.uid)
    if (!photo || photo.missing || photo.error) throw notFound()
    // ?album= only counts when the photo is (still, and visibly) in it: no arrows into an album it is not part of.
    const named = request.query.album ? await findAlbum(app.db, request.query.album) : undefined
    const album = named && (await photoInAlbum(app.db, named, 'owner', photo.uid)) ? named : undefined
    const around: Neighbours | null = album ? await neighbours(app.db, album, 'owner', photo) : null
    return await render(reply, 'pages/owner/photo', {
      playback: await playbackOf(app.db, app.storage, photo),
      title: photo.title ?? basename(photo.path),
      bodyClass: 'viewer',
      photo,
      album: album ?? null,
      around,
      listPath: album ? ownerUrls.list(album.kind) : undefined
    })
  })

  const toggle = (path: string, apply: typeof setPrivate): void => {
    app.post(path, { schema: { params: UidParams, body: ToggleBody } }, async (request, reply) => {
      if (!(await apply(app.db, request.params.uid, request.body.value === '1'))) throw notFound()
      return await reply.redirect(ownerUrls.photo(request.params.uid, request.body.album), 303)
    })
  }
  toggle('/photos/:uid/private', setPrivate)
  toggle('/photos/:uid/archive', setArchived)
}
