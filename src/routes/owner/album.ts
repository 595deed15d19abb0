import type { FastifyInstance } from 'fastify'
import { notFound } from '../../plugins/errors.ts'
import { Type, type Static } from '@sinclair/typebox'
import { findAlbum, listAlbums } from '../../library/albums.ts'
import { summarizeAlbum } from '../../library/summaries.ts'
import { albumPage, allAlbumPhotos, PAGE_SIZE } from '../../library/photos.ts'
import { sendZip } from '../media/send-zip.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { linksOfAlbum } from '../../sharing/links.ts'
import { LIST_PATH } from './lists.ts'
import { PageQuery, Uid, UidParams } from './params.ts'

/** `select=all` ticks every photo of the page (the no-JS "Select all"); `done`, `n`, `to` say what a selection action did. */
const AlbumQuery = Type.Composite([PageQuery, Type.Object({
  select: Type.Optional(Type.Literal('all')),
  done: Type.Optional(Type.Union(['added', 'private', 'removed', 'cover', 'none'].map(v => Type.Literal(v)))),
  n: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
  to: Type.Optional(Uid)
})])

export default async function albumRoutes (app: FastifyInstance): Promise<void> {
  app.get<{ Params: Static<typeof UidParams>, Querystring: Static<typeof AlbumQuery> }>('/albums/:uid', {
    schema: { params: UidParams, querystring: AlbumQuery }
  }, async (request, reply) => {
    const album = await findAlbum(app.db, request.params.uid)
    if (!album) throw notFound()
    const page = request.query.page
    const { done, n, to } = request.query
    const [summary, photos, links, manual, target] = await Promise.all([
      summarizeAlbum(app.db, album, 'owner'),
      albumPage(app.db, album, 'owner', page),
      linksOfAlbum(app.db, album.id),
      listAlbums(app.db, 'album'),
      to ? findAlbum(app.db, to) : undefined
    ])
    return await reply.view('pages/owner/album', {
      title: album.title,
      album,
      summary,
      photos,
      page,
      pages: Math.max(1, Math.ceil(summary.count / PAGE_SIZE)),
      linkCount: links.length,
      listPath: LIST_PATH[album.kind],
      selectAll: request.query.select === 'all',
      // Where the selection can be added: every other manual album.
      targets: manual.filter(a => a.id !== album.id).map(a => ({ uid: a.uid, title: a.title })),
      notice: done ? { done, n, target: target ? { uid: target.uid, title: target.title } : null } : null
    })
  })

  /** The owner's own download includes private photos: it is their library. */
  app.get<{ Params: Static<typeof UidParams> }>('/albums/:uid/download', { schema: { params: UidParams }, exposeHeadRoute: false }, async (request, reply) => {
    const album = await findAlbum(app.db, request.params.uid)
    if (!album) throw notFound()
    return await sendZip(reply, request, await withCompanions(app.db, await allAlbumPhotos(app.db, album, 'owner')), app.config.originals, album.title)
  })
}
