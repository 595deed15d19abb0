import type { FastifyInstance } from 'fastify'
import type { Session } from '@fastify/secure-session'
import { Type, type Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { summarizeAlbum, summarizeAll, type AlbumSummary } from '../../library/summaries.ts'
import { albumPage, PAGE_SIZE } from '../../library/photos.ts'
import type { Album } from '../../db/schema.ts'
import { albumsOfToken, recordVisit, type SharedAlbum } from '../../sharing/grants.ts'
import { dataVersion } from '../../db/connect.ts'
import { LruCache } from '../../library/lru-cache.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { clearVisitorSession, rememberToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import { isVisitorSessionEnded } from '../../sharing/ended-sessions.ts'
import { clientKey } from '../../plugins/client-key.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'
import { isLocked, refuseWhenBlocked, type Share } from './share-scope.ts'
import { renderPasswordPage } from './unlock.ts'
import { AlbumParams, TokenParams } from './params.ts'

type AlbumCard = Album & { summary: AlbumSummary, locked?: boolean }

/** `select=all`: the page with every box ticked (the grid's "Select all" without JavaScript). */
const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), select: Type.Optional(Type.Literal('all')) })

/** Opening a link: the token goes into the visitor session and counts one visit per browser. */
export default async function openRoutes (app: FastifyInstance, { limiter }: { limiter: MissLimiter }): Promise<void> {
  const pages = new LruCache<Buffer>(200)
  // The list of a token's albums: summaries cost a scan of each kind, so they are kept per data version like pages.
  const lists = new LruCache<AlbumCard[]>(200)
  const open = async (visitor: Session, token: string): Promise<void> => {
    if (rememberToken(visitor, token, app.now())) await recordVisit(app.db, token, app.now())
  }
  const cardsOf = async (token: string, shared: SharedAlbum[]): Promise<AlbumCard[]> => {
    const key = `${token}|${shared.map(s => s.link.id).join(',')}|${dataVersion(app.db)}`
    const cards = lists.get(key) ?? await summarizeAll(app.db, shared.map(s => s.album), 'visitor')
    lists.set(key, cards)
    return cards
  }

  app.get<{ Params: Static<typeof TokenParams> }>('/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    if (await refuseWhenBlocked(limiter, request, reply)) return
    const token = normaliseToken(request.params.token)
    const shared = token ? await albumsOfToken(app.db, token, app.now()) : []
    if (!token || shared.length === 0) {
      limiter.record(clientKey(request.ip))
      return await sendInvalidLink(reply)
    }
    if (await isVisitorSessionEnded(app.db, visitorSessionId(request.visitor))) clearVisitorSession(request.visitor)
    await open(request.visitor, token)
    if (shared.length === 1) return await reply.redirect(`/s/${token}/${shared[0].album.uid}`, 303)
    // A locked album shows neither cover nor count until its password is given.
    const now = app.now()
    const cards = (await cardsOf(token, shared)).map((card, i) =>
      isLocked(shared[i].link, request.visitor, now) ? { ...card, locked: true, summary: { ...card.summary, count: 0, cover: null } } : card)
    return await reply.view('pages/visitor/albums', { title: 'Shared albums', visitor: true, token, cards })
  })

  app.get<{ Params: Static<typeof AlbumParams>, Querystring: Static<typeof PageQuery> }>('/:token/:album', {
    schema: { params: AlbumParams, querystring: PageQuery },
    config: { access: 'open' }
  }, async (request, reply) => {
    const { share } = request
    await open(request.visitor, share.token)
    if (share.locked) return await renderPasswordPage(reply, share, null)
    const { page, select } = request.query
    const key = `${share.link.id}|${share.ref}|${page}|${select ?? ''}|${dataVersion(app.db)}`
    const html = pages.get(key) ?? Buffer.from(await renderAlbumPage(share, page, select === 'all'))
    pages.set(key, html)
    return await reply.type('text/html; charset=utf-8').send(html)
  })

  async function renderAlbumPage ({ album, link, token, base }: Share, page: number, selectAll: boolean): Promise<string> {
    const [summary, photos, siblings] = await Promise.all([
      summarizeAlbum(app.db, album, 'visitor'),
      albumPage(app.db, album, 'visitor', page),
      albumsOfToken(app.db, token, app.now())
    ])
    return await app.view('pages/visitor/album', {
      title: album.title,
      visitor: true,
      album,
      base,
      token,
      summary,
      photos,
      several: siblings.length > 1,
      downloads: link.allowDownloads && summary.count > 0,
      page,
      pages: Math.max(1, Math.ceil(summary.count / PAGE_SIZE)),
      selectAll
    })
  }
}
