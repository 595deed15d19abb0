import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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

/**
 * - `open`: pages that open the link (no session needed yet) and show the
 *   password form while a protected link is locked;
 * - `content`: everything else a visitor sees (pages, thumbnails, map data);
 * - `download`: originals and zips, which the link's downloads switch also governs;
 * - `preview`: the link-preview image that chat apps fetch without cookies:
 *   no session needed, and never for a password-protected link.
 */
export type AccessMode = 'open' | 'content' | 'download' | 'preview'

/** The share a visitor request works under, resolved once by the scope's preHandler. */
export interface Share extends SharedAlbum {
  token: string
  /** The album as the URL names it (slug or uid), and the URL of its page. */
  ref: string
  base: string
  locked: boolean
}

declare module 'fastify' {
  interface FastifyContextConfig { access?: AccessMode }
  interface FastifyRequest { share: Share }
}

export const isLocked = (link: LinkGrant, visitor: Session, now: Date): boolean =>
  link.protected && !isUnlocked(visitor, link.id, link.passwordVersion, now)

export type ResolveShare = (request: FastifyRequest, rawToken: string, ref: string, mode: AccessMode) => Promise<Share>

/**
 * The grant check every visitor route runs: the token (normalised) must
 * share the album now — looked up in the database, or kept from an earlier
 * request until the data changes and re-checked against the clock — and,
 * except where the route opens the link or is the link preview, the
 * visitor's session must hold it, must not have been ended with the power
 * icon, and a password-protected link must be unlocked at its current
 * password (a preview is refused for a protected link). Any failure throws the one
 * 404 that the error handler renders like a missing page.
 */
function shareResolver (app: FastifyInstance, limiter: MissLimiter): ResolveShare {
  const grantOf = cachedGrants(app.db)
  return async (request, rawToken, ref, mode) => {
    const token = normaliseToken(rawToken)
    const now = app.now()
    const grant = token ? await grantOf({ token, ref, sid: visitorSessionId(request.visitor) }, now) : undefined
    if (!token || !grant) {
      limiter.record(clientKey(request.ip))
      throw notFound()
    }
    if (grant.sessionEnded) clearVisitorSession(request.visitor)
    const locked = isLocked(grant.link, request.visitor, now)
    const needsSession = mode === 'content' || mode === 'download'
    if (needsSession && (!hasToken(request.visitor, token) || locked)) throw notFound()
    if (mode === 'download' && !grant.link.allowDownloads) throw notFound()
    if (mode === 'preview' && grant.link.protected) throw notFound()
    return { token, ref, base: `/s/${token}/${ref}`, album: grant.album, link: grant.link, locked }
  }
}

/** A client that missed too often gets a friendly 429 before any look-up. */
export async function refuseWhenBlocked (limiter: MissLimiter, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
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
export function shareScope (app: FastifyInstance, limiter: MissLimiter): ResolveShare {
  const resolve = shareResolver(app, limiter)
  app.decorateRequest('share', null as unknown as Share)
  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config.access
    if (mode === undefined) return
    if (await refuseWhenBlocked(limiter, request, reply)) return reply
    const { token, album } = request.params as { token: string, album: string }
    request.share = await resolve(request, token, album, mode)
  })
  return resolve
}
