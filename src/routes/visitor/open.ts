import type { TypedApp } from '../../types.ts'
import type { Session } from '@fastify/secure-session'
import { Type } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { summarizeAlbum, summarizeAll, type AlbumSummary } from '../../library/albums/summaries.ts'
import { albumPage, PAGE_SIZE } from '../../library/photos.ts'
import type { Album } from '../../db/schema.ts'
import { albumsOfToken, type SharedAlbum } from '../../sharing/grants.ts'
import { limitReached } from '../../sharing/visit-limit.ts'
import { ReadCache } from '../../db/read-cache.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { clearVisitorSession, visitorSessionId } from '../../sharing/visitor-session.ts'
import { isVisitorSessionEnded } from '../../sharing/ended-sessions.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { shareBase } from '../../sharing/share-urls.ts'
import { albumPreview, listPreview } from '../../sharing/link-preview.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'
import { isLocked, refuseWhenBlocked, type Share, shareRoute } from './share-scope.ts'
import { renderPasswordPage } from './unlock.ts'
import { admit, admitShare } from './admit.ts'
import { AlbumParams, TokenParams } from './params.ts'
import { render, renderToString } from '../../views/pages.ts'
import { visitorUrls } from '../../views/urls.ts'

type AlbumCard = Album & { summary: AlbumSummary; locked?: boolean }

/** `select=all`: the page with every box ticked (the grid's "Select all" without JavaScript). */
const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  select: Type.Optional(Type.Literal('all'))
})

/** Opening a link: its list of albums, or an album's page; either counts the visitor once per link. */
export default async function openRoutes(app: TypedApp, { limiter }: { limiter: MissLimiter }): Promise<void> {
  const pages = new ReadCache<Buffer>(app.db, 200)
  // The list of a token's albums: summaries cost a scan of each kind, so they are kept like pages.
  const lists = new ReadCache<AlbumCard[]>(app.db, 200)
  const cardsOf = async (token: string, shared: SharedAlbum[]): Promise<AlbumCard[]> => {
    const key = `${token}|${shared.map(s => s.link.id).join(',')}`
    return await lists.get(
      key,
      async () =>
        await summarizeAll(
          app.db,
          shared.map(s => s.album),
          'visitor'
        )
    )
  }
  /** The token's albums this visitor may see: a link past its visit limit is left out unless it counted them. */
  const sharedWith = async (visitor: Session, token: string): Promise<SharedAlbum[]> => {
    if (await isVisitorSessionEnded(app.db, visitorSessionId(visitor))) clearVisitorSession(visitor)
    const shared = await albumsOfToken(app.db, token, app.now(), visitorSessionId(visitor))
    return shared.filter(s => !limitReached(s.link))
  }

  app.get('/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    if (await refuseWhenBlocked(limiter, request, reply)) return
    const token = normaliseToken(request.params.token)
    const visible = token ? await sharedWith(request.visitor, token) : []
    if (!token || visible.length === 0) {
      await limiter.record(clientKey(request.ip))
      return await sendInvalidLink(reply)
    }
    // Albums still locked are listed (without cover or count) but not counted: their password does that.
    const now = app.now()
    const locked = new Set(visible.filter(s => isLocked(s.link, request.visitor, now)).map(s => s.link.id))
    const admitted = await admit(
      app,
      request,
      token,
      visible.filter(s => !locked.has(s.link.id)).map(s => s.link)
    )
    const shared = visible.filter(s => locked.has(s.link.id) || admitted.has(s.link.id))
    if (shared.length === 0) return await sendInvalidLink(reply)
    if (shared.length === 1) return await reply.redirect(visitorUrls.album(token, shared[0].album.uid), 303)
    const summarized = await cardsOf(token, shared)
    const cards = summarized.map((card, i) =>
      locked.has(shared[i].link.id)
        ? { ...card, locked: true, summary: { ...card.summary, count: 0, cover: null } }
        : card
    )
    const preview = listPreview(
      shareBase(request, app.config.publicUrl),
      token,
      summarized.map((card, i) => ({
        uid: card.uid,
        title: card.title,
        protected: shared[i].link.protected,
        count: card.summary.count
      }))
    )
    return await render(reply, 'pages/visitor/albums', { title: 'Shared albums', visitor: true, token, cards, preview })
  })

  app.get(
    '/:token/:album',
    shareRoute('open', { params: AlbumParams, querystring: PageQuery }),
    async (request, reply) => {
      const { share } = request
      const { page, select } = request.query
      if (share.locked) {
        return await renderPasswordPage(reply, share, null, visitorUrls.page(share.base, page))
      }
      await admitShare(app, request)
      // The link preview's absolute URLs start with the public URL, else this request's origin: part of the key.
      const origin = shareBase(request, app.config.publicUrl)
      const key = `${share.link.id}|${share.ref}|${page}|${select ?? ''}|${origin}`
      const html = await pages.get(key, async () =>
        Buffer.from(await renderAlbumPage(share, { page, selectAll: select === 'all', origin }))
      )
      return await reply.type('text/html; charset=utf-8').send(html)
    }
  )

  interface PageOptions {
    page: number
    selectAll: boolean
    origin: string
  }

  async function renderAlbumPage(
    { album, link, token, base }: Share,
    { page, selectAll, origin }: PageOptions
  ): Promise<string> {
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
      preview: albumPreview(`${origin}${base}`, album, link, summary),
      selectAll
    })
  }
}
