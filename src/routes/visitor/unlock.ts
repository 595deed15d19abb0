import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { sendInvalidLink } from '../../plugins/errors.ts'
import { grantedAlbum, recordVisit, type SharedAlbum } from '../../sharing/grants.ts'
import { checkLinkPassword } from '../../sharing/link-password.ts'
import { normaliseToken } from '../../sharing/secrets.ts'
import { rememberUnlock } from '../../sharing/unlocks.ts'
import { rememberToken } from '../../sharing/visitor-session.ts'
import { MissLimiter } from '../../sharing/miss-limiter.ts'
import { refuseWhenBlocked } from './access.ts'
import { AlbumParams } from './params.ts'

const UnlockBody = Type.Object({ password: Type.String({ default: '' }) })

export async function renderPasswordPage (reply: FastifyReply, album: SharedAlbum, base: string, error: string | null): Promise<FastifyReply> {
  return await reply.code(401).view('pages/visitor/password', { title: album.title, visitor: true, album, base, error })
}

/**
 * The password form of a protected link. Wrong answers are limited per
 * client and link (5 a minute) and per link from everywhere (20 a minute).
 */
export default async function unlockRoutes (app: FastifyInstance, { limiter }: { limiter: MissLimiter }): Promise<void> {
  const perClient = new MissLimiter(5)
  const perLink = new MissLimiter(20)
  app.post<{ Params: Static<typeof AlbumParams>, Body: Static<typeof UnlockBody> }>('/:token/:album/unlock', {
    schema: { params: AlbumParams, body: UnlockBody }
  }, async (request, reply) => {
    if (await refuseWhenBlocked(limiter, request, reply)) return
    const token = normaliseToken(request.params.token)
    const album = token ? await grantedAlbum(app.db, token, request.params.album, app.now()) : undefined
    if (!token || !album) {
      limiter.record(request.ip)
      return await sendInvalidLink(reply)
    }
    const base = `/s/${token}/${request.params.album}`
    if (album.link_password_hash === null) return await reply.redirect(base, 303)
    const clientKey = `${request.ip}|${album.link_id}`
    const linkKey = `link:${album.link_id}`
    if (perClient.blocked(clientKey) || perLink.blocked(linkKey)) {
      reply.code(429).header('retry-after', '60')
      return await reply.view('pages/visitor/too-many', { title: 'Too many attempts', visitor: true, message: 'Too many wrong passwords for this album. Wait a minute, then try again.' })
    }
    if (!await checkLinkPassword(album.link_password_hash, request.body.password)) {
      perClient.record(clientKey)
      perLink.record(linkKey)
      return await renderPasswordPage(reply, album, base, 'That password is not right.')
    }
    if (rememberToken(request.visitor, token)) await recordVisit(app.db, token, app.now())
    rememberUnlock(request.visitor, album.link_id, album.link_password_version)
    return await reply.redirect(base, 303)
  })
}
