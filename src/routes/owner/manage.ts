import type { TypedApp } from '../../types.ts'
import type { FastifyReply } from 'fastify'
import { notFound } from '../../plugins/errors.ts'
import { Type } from '@sinclair/typebox'
import type { Album } from '../../db/schema.ts'
import { findAlbum } from '../../library/albums/albums.ts'
import {
  addPhotos,
  createAlbum,
  deleteAlbum,
  removePhotos,
  setCover,
  updateAlbum
} from '../../library/albums/manual.ts'
import { libraryPage, PAGE_SIZE, countPhotos } from '../../library/photos.ts'
import { CsrfBody, PageQuery, Uid, UidParams } from './params.ts'
import { render } from '../../views/pages.ts'
import { uidList } from '../media/selection.ts'
import { ownerUrls } from '../../views/urls.ts'

const AlbumBody = Type.Composite([
  CsrfBody,
  Type.Object({
    title: Type.String({ maxLength: 200 }),
    description: Type.String({ maxLength: 5000, default: '' })
  })
])
const PhotosBody = Type.Composite([
  CsrfBody,
  Type.Object({
    photos: Type.Optional(Type.Union([Uid, Type.Array(Uid, { maxItems: 5000 })])),
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 })
  })
])

export default async function manageRoutes(app: TypedApp): Promise<void> {
  /** The manual album in the URL, or a 404 (derived albums cannot be edited). */
  const manualAlbum = async (uid: string): Promise<Album> => {
    const album = await findAlbum(app.db, uid)
    if (!album || album.kind !== 'album') throw notFound()
    return album
  }
  const form = async (
    reply: FastifyReply,
    album: Album | null,
    fields: { title: string; description: string },
    error: string | null
  ): Promise<FastifyReply> =>
    await render(reply.code(error ? 400 : 200), 'pages/owner/album-form', {
      title: album ? `Edit ${album.title}` : 'New album',
      album,
      fields,
      error
    })

  app.get('/albums/new', async (_request, reply) => await form(reply, null, { title: '', description: '' }, null))

  app.post('/albums', { schema: { body: AlbumBody } }, async (request, reply) => {
    const fields = { title: request.body.title.trim(), description: request.body.description.trim() }
    if (!fields.title) return await form(reply, null, fields, 'Give the album a title.')
    const album = await createAlbum(app.db, fields)
    return await reply.redirect(ownerUrls.album(album.uid), 303)
  })

  app.get('/albums/:uid/edit', { schema: { params: UidParams } }, async (request, reply) => {
    const album = await manualAlbum(request.params.uid)
    return await form(reply, album, album, null)
  })

  app.post('/albums/:uid/edit', { schema: { params: UidParams, body: AlbumBody } }, async (request, reply) => {
    const album = await manualAlbum(request.params.uid)
    const fields = { title: request.body.title.trim(), description: request.body.description.trim() }
    if (!fields.title) return await form(reply, album, fields, 'Give the album a title.')
    await updateAlbum(app.db, album.id, fields)
    return await reply.redirect(ownerUrls.album(album.uid), 303)
  })

  app.get('/albums/:uid/delete', { schema: { params: UidParams } }, async (request, reply) => {
    const album = await manualAlbum(request.params.uid)
    return await render(reply, 'pages/owner/album-delete', { title: `Delete ${album.title}`, album })
  })

  app.post('/albums/:uid/delete', { schema: { params: UidParams, body: CsrfBody } }, async (request, reply) => {
    const album = await manualAlbum(request.params.uid)
    await deleteAlbum(app.db, album.id)
    return await reply.redirect(ownerUrls.albums, 303)
  })

  app.get('/albums/:uid/add', { schema: { params: UidParams, querystring: PageQuery } }, async (request, reply) => {
    const album = await manualAlbum(request.params.uid)
    const [photos, total] = await Promise.all([libraryPage(app.db, false, request.query.page), countPhotos(app.db)])
    return await render(reply, 'pages/owner/album-add', {
      title: `Add photos to ${album.title}`,
      album,
      photos,
      page: request.query.page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE))
    })
  })

  /** `done`: what the album page then says (with the count `act` returns), or nothing. */
  const photosAction = (
    path: string,
    done: string | null,
    act: (albumId: number, uids: string[]) => Promise<number>
  ): void => {
    app.post(path, { schema: { params: UidParams, body: PhotosBody } }, async (request, reply) => {
      const album = await manualAlbum(request.params.uid)
      const n = await act(album.id, uidList(request.body.photos))
      return await reply.redirect(
        done ? ownerUrls.done(ownerUrls.album(album.uid), request.body.page, done, n) : ownerUrls.album(album.uid),
        303
      )
    })
  }
  photosAction('/albums/:uid/photos', null, async (id, uids) => await addPhotos(app.db, id, uids))
  photosAction('/albums/:uid/photos/remove', 'removed', async (id, uids) => await removePhotos(app.db, id, uids))
  photosAction('/albums/:uid/cover', 'cover', async (id, uids) =>
    uids[0] === undefined ? 0 : (await setCover(app.db, id, uids[0]), 1)
  )
}
