import type { FastifyInstance } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { notFound } from '../../plugins/errors.ts'
import type { Album } from '../../db/schema.ts'
import { findAlbum } from '../../library/albums.ts'
import { addPhotos } from '../../library/manual-albums.ts'
import { selectedAlbumPhotos, setPrivateMany } from '../../library/photos.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { sendZip } from '../media/send-zip.ts'
import { selectionTitle, uidList } from '../media/selection.ts'
import { CsrfBody, Uid, UidParams } from './params.ts'

/** The album grid's form: repeated `photos`, the page to come back to, and for "add" the manual album to add to. */
const SelectionBody = Type.Composite([CsrfBody, Type.Object({
  photos: Type.Optional(Type.Union([Uid, Type.Array(Uid, { maxItems: 1000 })])),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  target: Type.Optional(Uid)
})])
type Request = { Params: Static<typeof UidParams>, Body: Static<typeof SelectionBody> }

/** After an action: back to the same page of the album, saying what was done (`done`, `n`, `to`). */
export const doneUrl = (album: Pick<Album, 'uid'>, page: number, done: string, n: number, to?: string): string =>
  `/albums/${album.uid}?${new URLSearchParams({ ...(page > 1 ? { page: String(page) } : {}), done, n: String(n), ...(to ? { to } : {}) })}`

/**
 * What the owner does with photos selected in an album's grid (any kind of
 * album): download them, add them to a manual album, make them private.
 * Only photos of this album count; other ids are dropped. Removing from a
 * manual album and choosing its cover are manage.ts's routes. The owner
 * scope's CSRF check runs before any of these.
 */
export default async function selectionRoutes (app: FastifyInstance): Promise<void> {
  const selected = async (uid: string, photos: string | string[] | undefined) => {
    const album = await findAlbum(app.db, uid)
    if (!album) throw notFound()
    return { album, photos: await selectedAlbumPhotos(app.db, album, 'owner', uidList(photos)) }
  }

  /** The owner's zip includes private photos, like the whole album's: it is their library. */
  app.post<Request>('/albums/:uid/selection/download', { schema: { params: UidParams, body: SelectionBody } }, async (request, reply) => {
    const { album, photos } = await selected(request.params.uid, request.body.photos)
    if (photos.length === 0) return await reply.redirect(doneUrl(album, request.body.page, 'none', 0), 303)
    return await sendZip(reply, request, await withCompanions(app.db, photos), app.config.originals, selectionTitle(album.title))
  })

  app.post<Request>('/albums/:uid/selection/add', { schema: { params: UidParams, body: SelectionBody } }, async (request, reply) => {
    const { album, photos } = await selected(request.params.uid, request.body.photos)
    const target = request.body.target ? await findAlbum(app.db, request.body.target) : undefined
    if (!target || target.kind !== 'album') throw notFound()
    const added = await addPhotos(app.db, target.id, photos.map(p => p.uid))
    return await reply.redirect(doneUrl(album, request.body.page, 'added', added, target.uid), 303)
  })

  app.post<Request>('/albums/:uid/selection/private', { schema: { params: UidParams, body: SelectionBody } }, async (request, reply) => {
    const { album, photos } = await selected(request.params.uid, request.body.photos)
    const changed = await setPrivateMany(app.db, photos.filter(p => !p.private).map(p => p.uid), true)
    return await reply.redirect(doneUrl(album, request.body.page, 'private', changed), 303)
  })
}
