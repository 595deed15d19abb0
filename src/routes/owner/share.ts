import type { TypedApp } from '../../types.ts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { notFound } from '../../plugins/errors.ts'
import { Type, type Static } from '@sinclair/typebox'
import type { Album, Link } from '../../db/schema.ts'
import { findAlbum } from '../../library/albums/albums.ts'
import { createLink, deleteLink, findLink, tokenTakenInAlbum, updateLink } from '../../sharing/links.ts'
import { linkRows, type RowError, type TypedFields } from '../../sharing/link-rows.ts'
import { normaliseSecret } from '../../sharing/secrets.ts'
import { parseExpiry } from '../../sharing/expiry.ts'
import { shareBase } from '../../sharing/share-urls.ts'
import { shareOriginWarning } from '../../sharing/share-origin.ts'
import { passwordChange } from '../../sharing/link-password.ts'
import { qrSvg } from '../../sharing/qr-code.ts'
import { parseVisitLimit } from '../../sharing/visit-limit.ts'
import { CsrfBody, Uid } from './params.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

const AlbumParams = Type.Object({ uid: Uid })
const LinkParams = Type.Object({ uid: Uid, id: Type.Integer({ minimum: 1 }) })
const ShareQuery = Type.Object({ open: Type.Optional(Type.Integer({ minimum: 1 })) })
const SaveBody = Type.Composite([
  CsrfBody,
  Type.Object({
    secret: Type.String({ maxLength: 200 }),
    expires: Type.String({ maxLength: 20 }),
    expires_date: Type.Optional(Type.String({ maxLength: 20 })),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
    remove_password: Type.Optional(Type.Literal('1')),
    allow_downloads: Type.Optional(Type.Literal('1')),
    /** "Stop after … visits"; empty: no limit. */
    max_visits: Type.Optional(Type.String({ maxLength: 20 })),
    /** Present when the form carried the protection fieldset: only then does a missing checkbox mean "off". */
    options: Type.Optional(Type.Literal('1'))
  })
])
type SaveFields = Static<typeof SaveBody>

const typedFields = (body: SaveFields): TypedFields => ({
  secret: body.secret,
  expires: body.expires,
  expires_date: body.expires_date ?? '',
  password: body.password ?? '',
  remove_password: body.remove_password === '1',
  max_visits: body.max_visits ?? '',
  allow_downloads: body.allow_downloads === '1',
  options: body.options === '1'
})

export default async function shareRoutes(app: TypedApp): Promise<void> {
  const albumOr404 = async (uid: string): Promise<Album> => {
    const album = await findAlbum(app.db, uid)
    if (!album) throw notFound()
    return album
  }
  const linkOr404 = async (album: Album, id: number): Promise<Link> => {
    const link = await findLink(app.db, album.id, id)
    if (!link) throw notFound()
    return link
  }

  const renderDialog = async (
    request: FastifyRequest,
    reply: FastifyReply,
    album: Album,
    open: number | undefined,
    error?: RowError
  ): Promise<FastifyReply> => {
    const base = shareBase(request, app.config.publicUrl)
    await app.linkStats.flush()
    // Each row's details show its QR code, drawn on the server from the URL the row shows.
    const rows = await Promise.all(
      (await linkRows(app.db, album, base, app.now())).map(async row => ({ ...row, qr: await qrSvg(row.url) }))
    )
    // A refused form is shown again with what was typed, the new password too: nothing may keep that page.
    if (error) reply.header('cache-control', 'no-store')
    return await render(reply.code(error ? 400 : 200), 'pages/owner/share', {
      title: `Share ${album.title}`,
      album,
      rows,
      originWarning: shareOriginWarning(base, app.config.publicUrl, app.config.host),
      open: error?.linkId ?? open,
      error: error ?? null,
      listPath: ownerUrls.list(album.kind)
    })
  }

  app.get(
    '/albums/:uid/share',
    { schema: { params: AlbumParams, querystring: ShareQuery } },
    async (request, reply) => {
      return await renderDialog(request, reply, await albumOr404(request.params.uid), request.query.open)
    }
  )

  app.post('/albums/:uid/links', { schema: { params: AlbumParams, body: CsrfBody } }, async (request, reply) => {
    const album = await albumOr404(request.params.uid)
    const link = await createLink(app.db, album.id, request.session.get('owner') ?? 'owner', undefined, app.now())
    return await reply.redirect(ownerUrls.shareDialog(album.uid, link.id), 303)
  })

  app.post('/albums/:uid/links/:id', { schema: { params: LinkParams, body: SaveBody } }, async (request, reply) => {
    const album = await albumOr404(request.params.uid)
    const link = await linkOr404(album, request.params.id)
    const fail = async (message: string): Promise<FastifyReply> =>
      await renderDialog(request, reply, album, link.id, {
        linkId: link.id,
        message,
        fields: typedFields(request.body)
      })
    const options = request.body.options === '1'
    const secret = normaliseSecret(request.body.secret)
    if (!secret.ok) return await fail(secret.error)
    if (await tokenTakenInAlbum(app.db, album.id, secret.secret, link.id)) {
      return await fail('Another link of this album already uses this secret. Choose a different one.')
    }
    const expiry = parseExpiry(request.body.expires, request.body.expires_date, link.expires_at, app.now())
    if (!expiry.ok) return await fail(expiry.error)
    const limit = parseVisitLimit(request.body.max_visits)
    if (options && !limit.ok) return await fail(limit.error)
    const password = await passwordChange(request.body.password, request.body.remove_password === '1')
    if (!password.ok) return await fail(password.error)
    await updateLink(
      app.db,
      album.id,
      link.id,
      {
        token: secret.secret,
        expires_at: expiry.expiresAt,
        ...(options ? { allow_downloads: request.body.allow_downloads === '1' ? 1 : 0 } : {}),
        ...(options && limit.ok ? { max_visits: limit.maxVisits } : {}),
        ...(password.hash !== undefined ? { password_hash: password.hash } : {})
      },
      app.now()
    )
    return await reply.redirect(ownerUrls.shareDialog(album.uid, link.id), 303)
  })

  app.get('/albums/:uid/links/:id/delete', { schema: { params: LinkParams } }, async (request, reply) => {
    const album = await albumOr404(request.params.uid)
    const link = await linkOr404(album, request.params.id)
    const [row] = (await linkRows(app.db, album, shareBase(request, app.config.publicUrl), app.now())).filter(
      r => r.link.id === link.id
    )
    return await render(reply, 'pages/owner/link-delete', {
      title: 'Delete link',
      album,
      row,
      listPath: ownerUrls.list(album.kind)
    })
  })

  app.post(
    '/albums/:uid/links/:id/delete',
    { schema: { params: LinkParams, body: CsrfBody } },
    async (request, reply) => {
      const album = await albumOr404(request.params.uid)
      if (!(await deleteLink(app.db, album.id, request.params.id))) throw notFound()
      return await reply.redirect(ownerUrls.shareDialog(album.uid), 303)
    }
  )
}
