import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { grantedAlbum, type SharedAlbum } from '../../sharing/grants.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { hasToken } from '../../sharing/visitor-session.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'

export interface Access { token: string, album: SharedAlbum }

/**
 * The grant check every visitor route runs: the token (normalised) must
 * share the album now — looked up in the database on every request — and,
 * except where the route opens the link, the visitor's session must hold it.
 * Any failure answers exactly like a missing page.
 */
export function accessChecker (app: FastifyInstance, limiter: MissLimiter) {
  return async function checkAccess (request: FastifyRequest, reply: FastifyReply, rawToken: string, albumRef: string, opening = false): Promise<Access | null> {
    if (await refuseWhenBlocked(limiter, request, reply)) return null
    const token = normaliseToken(rawToken)
    const album = token ? await grantedAlbum(app.db, token, albumRef, app.now()) : undefined
    if (!token || !album) {
      limiter.record(request.ip)
      await sendInvalidLink(reply)
      return null
    }
    if (!opening && !hasToken(request.visitor, token)) {
      await sendInvalidLink(reply)
      return null
    }
    return { token, album }
  }
}

export type CheckAccess = ReturnType<typeof accessChecker>

/** A client that missed too often gets a friendly 429 before any look-up. */
export async function refuseWhenBlocked (limiter: MissLimiter, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!limiter.blocked(request.ip)) return false
  reply.code(429).header('retry-after', String(Math.ceil(limiter.windowMs / 1000)))
  await reply.view('pages/visitor/too-many', { title: 'Too many attempts', visitor: true })
  return true
}
