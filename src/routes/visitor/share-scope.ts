import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import type { Session } from '@fastify/secure-session'
import { notFound } from '../../plugins/errors.ts'
import { clientKey } from '../../plugins/client-key.ts'
import type { LinkGrant, SharedAlbum } from '../../sharing/grants.ts'
import { cachedGrants } from '../../sharing/grant-cache.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { clearVisitorSession, hasToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import { isUnlocked } from '../../sharing/unlocks.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'
import { render } from '../../views/pages.ts'
import { limitReached } from '../../sharing/visit-limit.ts'
import { visitorUrls } from '../../views/urls.ts'

/**
 * - `open`: the album page and the password form's post: they need no
 *   session yet, and a session ended with the power icon starts anew;
 * - `page`: the other pages a link may be opened at (a photo, the map): no
 *   session needed yet, but an ended one is refused;
 * - `content`: everything else a visitor sees (thumbnails, map data, videos);
 * - `download`: originals and zips, which the link's downloads switch also governs;
 * - `preview`: the link-preview image that chat apps fetch without cookies:
 *   no session needed, and never for a password-protected link.
 * While a protected link is locked, `open` and `page` routes show the
 * password form; the others answer like an unknown link.
 */
export type AccessMode = 'open' | 'page' | 'content' | 'download' | 'preview'

/** A visitor route's options: what it validates and the access it needs. */
export const shareRoute = <S extends FastifySchema>(access: AccessMode, schema: S) => ({ schema, config: { access } })

/** The share a visitor request works under, resolved once by the scope's preHandler. */
export interface Share extends SharedAlbum {
  token: string
  /** The album as the URL names it (slug or uid), and the URL of its page. */
  ref: string
  base: string
  locked: boolean
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessMode
  }
  interface FastifyRequest {
    share: Share
  }
}

export const isLocked = (link: LinkGrant, visitor: Session, now: Date): boolean =>
  link.protected && !isUnlocked(visitor, link.id, link.passwordVersion, now)

export type ResolveShare = (request: FastifyRequest, rawToken: string, ref: string, mode: AccessMode) => Promise<Share>

/**
 * The grant check every visitor route runs: the token (normalised) must
 * share the album now — looked up in the database, or kept from an earlier
 * request until the data changes and re-checked against the clock — and a
 * link past its visit limit must have counted this session. Except where a
 * route opens the link or is the link preview, the visitor's session must
 * hold the token, must not have been ended with the power icon, and a
 * password-protected link must be unlocked at its current password (a
 * preview is refused for a protected link). Any failure throws the one 404
 * that the error handler renders like a missing page.
 */
function shareResolver(app: FastifyInstance, limiter: MissLimiter): ResolveShare {
  const grantOf = cachedGrants(app.db)
  return async (request, rawToken, ref, mode) => {
    const token = normaliseToken(rawToken)
    const now = app.now()
    const grant = token ? await grantOf({ token, ref, sid: visitorSessionId(request.visitor) }, now) : undefined
    // An ended session counts as none: whatever it was counted on, the next one starts afresh.
    const link = grant && grant.sessionEnded ? { ...grant.link, admitted: false } : grant?.link
    if (!token || !grant || !link || limitReached(link)) {
      await limiter.record(clientKey(request.ip))
      throw notFound()
    }
    if (grant.sessionEnded) clearVisitorSession(request.visitor)
    if (grant.sessionEnded && mode === 'page') throw notFound()
    const locked = isLocked(link, request.visitor, now)
    const needsSession = mode === 'content' || mode === 'download'
    if (needsSession && (!hasToken(request.visitor, token) || locked)) throw notFound()
    if (needsSession && link.maxVisits !== null && !link.admitted) throw notFound()
    if (mode === 'download' && !link.allowDownloads) throw notFound()
    if (mode === 'preview' && link.protected) throw notFound()
    return { token, ref, base: visitorUrls.album(token, ref), album: grant.album, link, locked }
  }
}

/** A client that missed too often gets a friendly 429 before any look-up. */
export async function refuseWhenBlocked(
  limiter: MissLimiter,
  request: FastifyRequest,
  reply: FastifyReply
): Promise<boolean> {
  if (!limiter.blocked(clientKey(request.ip))) return false
  reply.code(429).header('retry-after', String(Math.ceil(limiter.windowMs / 1000)))
  await render(reply, 'pages/visitor/too-many', { title: 'Too many attempts', visitor: true })
  return true
}

/**
 * The visitor scope: a route declares `config: { access }` and its URL has
 * `:token/:album`; a preHandler resolves the share once into `request.share`
 * or refuses, so handlers do only their own job. Returns the resolver for
 * checks that must run again later (a zip, before each entry).
 */
export function shareScope(app: FastifyInstance, limiter: MissLimiter): ResolveShare {
  const resolve = shareResolver(app, limiter)
  app.decorateRequest('share', null as unknown as Share)
  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config.access
    if (mode === undefined) return
    if (await refuseWhenBlocked(limiter, request, reply)) return reply
    const { token, album } = request.params as { token: string; album: string }
    request.share = await resolve(request, token, album, mode)
  })
  return resolve
}
