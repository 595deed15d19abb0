import type { FastifyInstance } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { summarizeAlbum, summarizeAll, type AlbumSummary } from '../../library/summaries.ts'
import { albumPage, PAGE_SIZE } from '../../library/photos.ts'
import { albumsOfToken, recordVisit, type SharedAlbum } from '../../sharing/grants.ts'
import { dataVersion } from '../../db/connect.ts'
import { LruCache } from '../../library/lru-cache.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { clearVisitorSession, rememberToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import { isVisitorSessionEnded } from '../../sharing/ended-sessions.ts'
import { clientKey } from '../../plugins/client-key.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'
import { isLocked, refuseWhenBlocked, type CheckAccess } from './access.ts'
import { renderPasswordPage } from './unlock.ts'
import { AlbumParams, TokenParams } from './params.ts'

type AlbumCard = SharedAlbum & { summary: AlbumSummary }

const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }) })

/** Opening a link: the token goes into the visitor session and counts one visit per browser. */
export default async function openRoutes (app: FastifyInstance, { checkAccess, limiter }: { checkAccess: CheckAccess, limiter: MissLimiter }): Promise<void> {
  const pages = new LruCache<string>(200)
  // The list of a token's albums: summaries cost a scan of each kind, so they are kept per data version like pages.
  const lists = new LruCache<AlbumCard[]>(200)
  const open = async (visitor: import('@fastify/secure-session').Session, token: string): Promise<void> => {
    if (rememberToken(visitor, token, app.now())) await recordVisit(app.db, token, app.now())
  }
  const cardsOf = async (token: string, albums: SharedAlbum[]): Promise<AlbumCard[]> => {
    const key = `${token}|${albums.map(a => a.link_id).join(',')}|${dataVersion(app.db)}`
    const cards = lists.get(key) ?? await summarizeAll(app.db, albums, 'visitor')
    lists.set(key, cards)
    return cards
  }

  app.get<{ Params: Static<typeof TokenParams> }>('/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    if (await refuseWhenBlocked(limiter, request, reply)) return
    const token = normaliseToken(request.params.token)
    const albums = token ? await albumsOfToken(app.db, token, app.now()) : []
    if (!token || albums.length === 0) {
      limiter.record(clientKey(request.ip))
      return await sendInvalidLink(reply)
    }
    if (await isVisitorSessionEnded(app.db, visitorSessionId(request.visitor))) clearVisitorSession(request.visitor)
    await open(request.visitor, token)
    if (albums.length === 1) return await reply.redirect(`/s/${token}/${albums[0].uid}`, 303)
    // A locked album shows neither cover nor count until its password is given.
    const now = app.now()
    const cards = (await cardsOf(token, albums))
      .map(card => isLocked(card, request, now) ? { ...card, locked: true, summary: { ...card.summary, count: 0, cover: null } } : card)
    return await reply.view('pages/visitor/albums', { title: 'Shared albums', visitor: true, token, cards })
  })

  app.get<{ Params: Static<typeof AlbumParams>, Querystring: Static<typeof PageQuery> }>('/:token/:album', {
    schema: { params: AlbumParams, querystring: PageQuery }
  }, async (request, reply) => {
    const access = await checkAccess(request, reply, request.params.token, request.params.album, 'open')
    if (!access) return
    await open(request.visitor, access.token)
    const { album, token } = access
    if (isLocked(album, request, app.now())) return await renderPasswordPage(reply, album, `/s/${token}/${request.params.album}`, null)
    const key = `${album.link_id}|${request.params.album}|${request.query.page}|${dataVersion(app.db)}`
    const html = pages.get(key) ?? await renderAlbumPage(album, token, request.params.album, request.query.page)
    pages.set(key, html)
    return await reply.type('text/html; charset=utf-8').send(html)
  })

  async function renderAlbumPage (album: SharedAlbum, token: string, ref: string, page: number): Promise<string> {
    const [summary, photos, siblings] = await Promise.all([
      summarizeAlbum(app.db, album, 'visitor'),
      albumPage(app.db, album, 'visitor', page),
      albumsOfToken(app.db, token, app.now())
    ])
    return await app.view('pages/visitor/album', {
      title: album.title,
      visitor: true,
      album,
      base: `/s/${token}/${ref}`,
      token,
      summary,
      photos,
      several: siblings.length > 1,
      downloads: album.link_allow_downloads === 1 && summary.count > 0,
      page,
      pages: Math.max(1, Math.ceil(summary.count / PAGE_SIZE))
    })
  }
}
