import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { Type } from '@sinclair/typebox'
import { ALBUM_KINDS } from '../../db/schema.ts'
import { allLinks, findLinkById } from '../../sharing/overview.ts'
import { deleteLink, updateLink } from '../../sharing/links.ts'
import { extensionsOf, parseExpiry } from '../../sharing/expiry.ts'
import { shareBase, shareUrl } from '../../sharing/share-urls.ts'
import { shareOriginWarning } from '../../sharing/share-origin.ts'
import { summarizeAll } from '../../library/albums/summaries.ts'
import { findAlbumsById } from '../../library/albums/albums.ts'
import { CsrfBody } from './params.ts'
import { render } from '../../views/pages.ts'
import { SortQuery, sortHeaders, sortOf } from './links-sort.ts'
import { ownerUrls } from '../../views/urls.ts'

const OverviewQuery = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal(''), ...ALBUM_KINDS.map(k => Type.Literal(k))])),
  state: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('active'), Type.Literal('expired')])),
  ...SortQuery
})
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const EXTEND_BY = ['1w', '1m', '1y']
const ExtendBody = Type.Composite([
  CsrfBody,
  Type.Object({ expires: Type.Union([...EXTEND_BY, 'never'].map(v => Type.Literal(v))) })
])

/** Every link in one place: filter, sort, copy, extend (never shorter: see sharing/expiry.ts), delete. */
export default async function linksRoutes(app: TypedApp): Promise<void> {
  app.get('/links', { schema: { querystring: OverviewQuery } }, async (request, reply) => {
    const filter = { kind: request.query.kind || undefined, state: request.query.state || undefined }
    const sort = sortOf(request.query)
    const base = shareBase(request, app.config.publicUrl)
    await app.linkStats.flush()
    const rows = await allLinks(app.db, filter, app.now(), sort)
    const albums = await findAlbumsById(
      app.db,
      rows.map(l => l.album_id)
    )
    const coverOf = new Map((await summarizeAll(app.db, albums, 'owner')).map(a => [a.id, a.summary.cover]))
    const now = app.now()
    const links = rows.map(l => ({
      ...l,
      url: shareUrl(base, l.token, l.albumRef),
      cover: coverOf.get(l.album_id) ?? null,
      extensions: extensionsOf(l.expires_at, now, EXTEND_BY)
    }))
    const originWarning = shareOriginWarning(base, app.config.publicUrl, app.config.host)
    return await render(reply, 'pages/owner/links', {
      title: 'Links',
      links,
      filter,
      sort,
      headers: sortHeaders(filter, sort),
      kinds: ALBUM_KINDS,
      originWarning
    })
  })

  app.post('/links/:id/extend', { schema: { params: IdParams, body: ExtendBody } }, async (request, reply) => {
    const link = await findLinkById(app.db, request.params.id)
    if (!link) throw notFound()
    const expiry = parseExpiry(request.body.expires, undefined, link.expires_at, app.now())
    if (expiry.ok) await updateLink(app.db, link.album_id, link.id, { token: link.token, expires_at: expiry.expiresAt })
    return await reply.redirect(ownerUrls.links(), 303)
  })

  app.post('/links/:id/delete', { schema: { params: IdParams, body: CsrfBody } }, async (request, reply) => {
    const link = await findLinkById(app.db, request.params.id)
    if (!link) throw notFound()
    await deleteLink(app.db, link.album_id, link.id)
    return await reply.redirect(ownerUrls.links(), 303)
  })
}
