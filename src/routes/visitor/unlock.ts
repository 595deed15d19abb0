import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { clientKey } from '../../plugins/client-key.ts'
import { recordVisit, resolveGrant, type SharedAlbum } from '../../sharing/grants.ts'
import { checkLinkPassword } from '../../sharing/link-password.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { rememberUnlock } from '../../sharing/unlocks.ts'
import { clearVisitorSession, rememberToken, visitorSessionId } from '../../sharing/visitor-session.ts'
import type { MissLimiter } from '../../sharing/miss-limiter.ts'
import { UnlockLimiter, WARN_WRONG_TRIES_PER_HOUR } from '../../sharing/unlock-limiter.ts'
import { refuseWhenBlocked } from './access.ts'
import { AlbumParams } from './params.ts'

const UnlockBody = Type.Object({ password: Type.String({ default: '' }) })

export async function renderPasswordPage (reply: FastifyReply, album: SharedAlbum, base: string, error: string | null): Promise<FastifyReply> {
  return await reply.code(401).view('pages/visitor/password', { title: album.title, visitor: true, album, base, error })
}

async function tooMany (reply: FastifyReply, waitMs: number, message: string): Promise<FastifyReply> {
  reply.code(429).header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))))
  return await reply.view('pages/visitor/too-many', { title: 'Too many attempts', visitor: true, message })
}

/**
 * The password form of a protected link. Wrong answers slow down the client
 * that gives them (growing back-off per client and link), never anyone else;
 * the scrypt check itself waits its turn at the server-wide password gate.
 */
export default async function unlockRoutes (app: FastifyInstance, { limiter }: { limiter: MissLimiter }): Promise<void> {
  const attempts = new UnlockLimiter()
  app.post<{ Params: Static<typeof AlbumParams>, Body: Static<typeof UnlockBody> }>('/:token/:album/unlock', {
    schema: { params: AlbumParams, body: UnlockBody }
  }, async (request, reply) => {
    if (await refuseWhenBlocked(limiter, request, reply)) return
    const client = clientKey(request.ip)
    const token = normaliseToken(request.params.token)
    const now = app.now()
    const grant = token ? await resolveGrant(app.db, { token, ref: request.params.album, sid: visitorSessionId(request.visitor) }, now) : undefined
    if (!token || !grant) {
      limiter.record(client)
      return await sendInvalidLink(reply)
    }
    if (grant.sessionEnded) clearVisitorSession(request.visitor)
    const { album } = grant
    const base = `/s/${token}/${request.params.album}`
    if (album.link_password_hash === null) return await reply.redirect(base, 303)
    const wait = attempts.waitMs(client, album.link_id)
    if (wait > 0) return await tooMany(reply, wait, `Too many wrong passwords for this album. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`)
    const leave = app.limits.passwordChecks.tryEnter()
    if (!leave) return await tooMany(reply, 2000, 'The server is busy checking other passwords. Wait a few seconds, then try again.')
    const right = await checkLinkPassword(album.link_password_hash, request.body.password).finally(leave)
    if (!right) {
      if (attempts.recordFailure(client, album.link_id)) {
        request.log.warn({ linkId: album.link_id }, `link ${album.link_id} has had more than ${WARN_WRONG_TRIES_PER_HOUR} wrong passwords this hour`)
      }
      return await renderPasswordPage(reply, album, base, 'That password is not right.')
    }
    attempts.recordSuccess(client, album.link_id)
    if (rememberToken(request.visitor, token, now)) await recordVisit(app.db, token, now)
    rememberUnlock(request.visitor, album.link_id, album.link_password_version, now)
    return await reply.redirect(base, 303)
  })
}
