import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { resolveGrant, type SharedAlbum } from '../../sharing/grants.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { clearVisitorSession, hasToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import { isUnlocked } from '../../sharing/unlocks.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'

export interface Access { token: string, album: SharedAlbum }

/**
 * - `open`: the album page, which opens the link (no session needed yet) and
 *   shows the password form while a protected link is locked;
 * - `content`: everything else a visitor sees (pages, thumbnails, map data);
 * - `download`: originals and zips, which the link's downloads switch also governs.
 */
export type AccessMode = 'open' | 'content' | 'download'

export const isLocked = (album: SharedAlbum, request: FastifyRequest, now: Date): boolean =>
  album.link_password_hash !== null && !isUnlocked(request.visitor, album.link_id, album.link_password_version, now)

/**
 * The grant check every visitor route runs: the token (normalised) must
 * share the album now — looked up in the database on every request — and,
 * except where the route opens the link, the visitor's session must hold it,
 * must not have been ended with the power icon, and a password-protected
 * link must be unlocked at its current password. Any failure answers
 * exactly like a missing page.
 */
export function accessChecker (app: FastifyInstance, limiter: MissLimiter) {
  return async function checkAccess (request: FastifyRequest, reply: FastifyReply, rawToken: string, albumRef: string, mode: AccessMode = 'content'): Promise<Access | null> {
    if (await refuseWhenBlocked(limiter, request, reply)) return null
    const token = normaliseToken(rawToken)
    const now = app.now()
    const grant = token ? await resolveGrant(app.db, { token, ref: albumRef, sid: visitorSessionId(request.visitor) }, now) : undefined
    if (!token || !grant) {
      limiter.record(clientKey(request.ip))
      await sendInvalidLink(reply)
      return null
    }
    if (grant.sessionEnded) clearVisitorSession(request.visitor)
    const { album } = grant
    const refused = mode !== 'open' && (!hasToken(request.visitor, token) || isLocked(album, request, now))
    if (refused || (mode === 'download' && !album.link_allow_downloads)) {
      await sendInvalidLink(reply)
      return null
    }
    return { token, album }
  }
}

export type CheckAccess = ReturnType<typeof accessChecker>

/** A client that missed too often gets a friendly 429 before any look-up. */
export async function refuseWhenBlocked (limiter: MissLimiter, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!limiter.blocked(clientKey(request.ip))) return false
  reply.code(429).header('retry-after', String(Math.ceil(limiter.windowMs / 1000)))
  await reply.view('pages/visitor/too-many', { title: 'Too many attempts', visitor: true })
  return true
}
