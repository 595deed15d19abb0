import type { TypedApp } from '../../types.ts'
import { Type, type Static } from '@sinclair/typebox'
import { notFound } from '../../plugins/errors.ts'
import type { Photo } from '../../db/schema.ts'
import { findAlbum } from '../../library/albums/albums.ts'
import { addPhotos } from '../../library/albums/manual.ts'
import { selectedAlbumPhotos, selectedLibraryPhotos, setPrivateMany } from '../../library/photos.ts'
import { withCompanions } from '../../library/live-photos.ts'
import { sendZip } from '../media/send-zip.ts'
import { selectionTitle, uidList } from '../media/selection.ts'
import { CsrfBody, Uid, UidParams } from './params.ts'
import { ownerUrls } from '../../views/urls.ts'

/** A grid's form: repeated `photos`, the page to come back to, and for "add" the manual album to add to. */
const SelectionBody = Type.Composite([
  CsrfBody,
  Type.Object({
    photos: Type.Optional(Type.Union([Uid, Type.Array(Uid, { maxItems: 1000 })])),
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
    target: Type.Optional(Uid)
  })
])
type Params = { uid?: string }
/** What a selection route reads of its request. */
interface SelectionRequest {
  params: unknown
  body: Static<typeof SelectionBody>
}

/** Where a selection was made: the grid's page, the zip's name, and the selected photos it really shows. */
interface Scope {
  path: string
  title: string
  photos: Photo[]
}

/**
 * What the owner does with photos selected in a grid: an album's (any kind)
 * under /albums/:uid/selection/…, the Photos page's under /library/selection/….
 * Download them, add them to a manual album, make them private. Only photos
 * the grid shows count; other ids are dropped. Removing from a manual album
 * and choosing its cover are manage.ts's routes. The owner scope's CSRF
 * check runs before any of these.
 */
export default async function selectionRoutes(app: TypedApp): Promise<void> {
  const albumScope = async ({ uid }: Params, uids: string[]): Promise<Scope> => {
    const album = uid ? await findAlbum(app.db, uid) : undefined
    if (!album) throw notFound()
    return {
      path: ownerUrls.album(album.uid),
      title: album.title,
      photos: await selectedAlbumPhotos(app.db, album, 'owner', uids)
    }
  }
  const libraryScope = async (_params: Params, uids: string[]): Promise<Scope> => ({
    path: ownerUrls.photos,
    title: 'Photos',
    photos: await selectedLibraryPhotos(app.db, uids)
  })

  for (const [prefix, scopeOf, params] of [
    ['/albums/:uid', albumScope, UidParams],
    ['/library', libraryScope, undefined]
  ] as const) {
    const schema = { ...(params ? { params } : {}), body: SelectionBody }
    const selected = async (request: SelectionRequest): Promise<Scope> =>
      await scopeOf(request.params as Params, uidList(request.body.photos))

    /** The owner's zip includes private photos, like the whole album's: it is their library. */
    app.post(`${prefix}/selection/download`, { schema, exposeHeadRoute: false }, async (request, reply) => {
      const { path, title, photos } = await selected(request)
      if (photos.length === 0) return await reply.redirect(ownerUrls.done(path, request.body.page, 'none', 0), 303)
      return await sendZip(
        reply,
        request,
        await withCompanions(app.db, photos),
        app.config.originals,
        selectionTitle(title)
      )
    })

    app.post(`${prefix}/selection/add`, { schema }, async (request, reply) => {
      const { path, photos } = await selected(request)
      const target = request.body.target ? await findAlbum(app.db, request.body.target) : undefined
      if (!target || target.kind !== 'album') throw notFound()
      const added = await addPhotos(
        app.db,
        target.id,
        photos.map(p => p.uid)
      )
      return await reply.redirect(ownerUrls.done(path, request.body.page, 'added', added, target.uid), 303)
    })

    app.post(`${prefix}/selection/private`, { schema }, async (request, reply) => {
      const { path, photos } = await selected(request)
      const changed = await setPrivateMany(
        app.db,
        photos.filter(p => !p.private).map(p => p.uid),
        true
      )
      return await reply.redirect(ownerUrls.done(path, request.body.page, 'private', changed), 303)
    })
  }
}
