import type { TypedApp } from '../../types.ts'
import type { Session } from '@fastify/secure-session'
import { Type } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { summarizeAlbum, summarizeAll, type AlbumSummary } from '../../library/albums/summaries.ts'
import { albumPage, PAGE_SIZE } from '../../library/photos.ts'
import type { Album } from '../../db/schema.ts'
import { albumsOfToken, recordVisit, type SharedAlbum } from '../../sharing/grants.ts'
import { ReadCache } from '../../db/read-cache.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { clearVisitorSession, rememberToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import { isVisitorSessionEnded } from '../../sharing/ended-sessions.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { shareBase } from '../../sharing/share-urls.ts'
import { albumPreview, listPreview } from '../../sharing/link-preview.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'
import { isLocked, refuseWhenBlocked, type Share } from './share-scope.ts'
import { renderPasswordPage } from './unlock.ts'
import { AlbumParams, TokenParams } from './params.ts'
import { render, renderToString } from '../../views/pages.ts'

type AlbumCard = Album & { summary: AlbumSummary, locked?: boolean }

const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }) })

/** Opening a link: the token goes into the visitor session and counts one visit per browser. */
export default async function openRoutes (app: TypedApp, { limiter }: { limiter: MissLimiter }): Promise<void> {
  const pages = new ReadCache<Buffer>(app.db, 200)
  // The list of a token's albums: summaries cost a scan of each kind, so they are kept like pages.
  const lists = new ReadCache<AlbumCard[]>(app.db, 200)
  const open = async (visitor: Session, token: string): Promise<void> => {
    if (rememberToken(visitor, token, app.now())) await recordVisit(app.db, token, app.now())
  }
  const cardsOf = async (token: string, shared: SharedAlbum[]): Promise<AlbumCard[]> => {
    const key = `${token}|${shared.map(s => s.link.id).join(',')}`
    return await lists.get(key, async () => await summarizeAll(app.db, shared.map(s => s.album), 'visitor'))
  }

  app.get('/:token', { schema: { params: TokenParams } }, async (request, reply) => {
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
    const summarized = await cardsOf(token, shared)
    const cards = summarized.map((card, i) =>
      isLocked(shared[i].link, request.visitor, now) ? { ...card, locked: true, summary: { ...card.summary, count: 0, cover: null } } : card)
    const preview = listPreview(`${shareBase(request, app.config.publicUrl)}/s/${token}`,
      summarized.map((card, i) => ({ uid: card.uid, title: card.title, protected: shared[i].link.protected, count: card.summary.count })))
    return await render(reply, 'pages/visitor/albums', { title: 'Shared albums', visitor: true, token, cards, preview })
  })

  app.get('/:token/:album', {
    schema: { params: AlbumParams, querystring: PageQuery },
    config: { access: 'open' }
  }, async (request, reply) => {
    const { share } = request
    await open(request.visitor, share.token)
    if (share.locked) return await renderPasswordPage(reply, share, null)
    // The link preview's absolute URLs start with the public URL, else this request's origin: part of the key.
    const origin = shareBase(request, app.config.publicUrl)
    const key = `${share.link.id}|${share.ref}|${request.query.page}|${origin}`
    const html = await pages.get(key, async () => Buffer.from(await renderAlbumPage(share, request.query.page, origin)))
    return await reply.type('text/html; charset=utf-8').send(html)
  })

  async function renderAlbumPage ({ album, link, token, base }: Share, page: number, origin: string): Promise<string> {
    const [summary, photos, siblings] = await Promise.all([
      summarizeAlbum(app.db, album, 'visitor'),
      albumPage(app.db, album, 'visitor', page),
      albumsOfToken(app.db, token, app.now())
    ])
    return await renderToString(app, 'pages/visitor/album', {
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
      preview: albumPreview(`${origin}${base}`, album, link, summary)
    })
  }
}
