import type { TypedApp } from '../../types.ts'
import type { FastifyReply } from 'fastify'
import { Type } from '@sinclair/typebox'
import { clientKey } from '../../plugins/client-key.ts'
import { notFound } from '../../plugins/errors.ts'
import { checkLinkPassword, linkPasswordHash } from '../../sharing/link-password.ts'
import { rememberUnlock } from '../../sharing/unlocks.ts'
import { pageOfLink } from '../../sharing/share-urls.ts'
import { UnlockLimiter, WARN_WRONG_TRIES_PER_HOUR } from '../../sharing/unlock-limiter.ts'
import { shareBase } from '../../sharing/share-urls.ts'
import { textOnlyPreview } from '../../sharing/link-preview.ts'
import { shareRoute, type Share } from './share-scope.ts'
import { admit } from './admit.ts'
import { AlbumParams } from './params.ts'
import { render } from '../../views/pages.ts'

const UnlockBody = Type.Object({
  password: Type.String({ default: '' }),
  /** The page of the link that asked for the password, to return to. */
  next: Type.Optional(Type.String({ maxLength: 500 }))
})

/**
 * The password form, at the URL that was asked for (the album, a photo, the
 * map), which it returns to once unlocked. Its link preview says nothing
 * about the album (chat apps see this page, never the album).
 */
export async function renderPasswordPage(
  reply: FastifyReply,
  share: Share,
  error: string | null,
  next?: string
): Promise<FastifyReply> {
  const preview = textOnlyPreview(`${shareBase(reply.request, reply.server.config.publicUrl)}${share.base}`)
  return await render(reply.code(401), 'pages/visitor/password', {
    title: share.album.title,
    visitor: true,
    album: share.album,
    base: share.base,
    next: pageOfLink(share.base, next),
    error,
    preview
  })
}

async function tooMany(reply: FastifyReply, waitMs: number, message: string): Promise<FastifyReply> {
  reply.code(429).header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))))
  return await render(reply, 'pages/visitor/too-many', { title: 'Too many attempts', visitor: true, message })
}

/**
 * The password form of a protected link. Wrong answers slow down the client
 * that gives them (growing back-off per client and link), never anyone else;
 * the scrypt check itself waits its turn at the server-wide password gate.
 * The right password counts the visit and goes back to the page asked for.
 */
export default async function unlockRoutes(app: TypedApp): Promise<void> {
  const attempts = new UnlockLimiter(app.db, () => app.now().getTime())
  app.post(
    '/:token/:album/unlock',
    shareRoute('open', { params: AlbumParams, body: UnlockBody }),
    async (request, reply) => {
      const { share } = request
      const next = pageOfLink(share.base, request.body.next)
      const client = clientKey(request.ip)
      const hash = share.link.protected ? await linkPasswordHash(app.db, share.link.id) : null
      if (hash === null) return await reply.redirect(next, 303)
      const wait = await attempts.waitMs(client, share.link.id)
      if (wait > 0) {
        return await tooMany(
          reply,
          wait,
          `Too many wrong passwords for this album. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`
        )
      }
      const leave = app.limits.passwordChecks.tryEnter()
      if (!leave) {
        return await tooMany(
          reply,
          2000,
          'The server is busy checking other passwords. Wait a few seconds, then try again.'
        )
      }
      const right = await checkLinkPassword(hash, request.body.password).finally(leave)
      if (!right) {
        if (await attempts.recordFailure(client, share.link.id)) {
          request.log.warn(
            { linkId: share.link.id },
            `link ${share.link.id} has had more than ${WARN_WRONG_TRIES_PER_HOUR} wrong passwords this hour`
          )
        }
        return await renderPasswordPage(reply, share, 'That password is not right.', next)
      }
      await attempts.recordSuccess(client, share.link.id)
      if (!(await admit(app, request, share.token, [share.link])).has(share.link.id)) throw notFound()
      rememberUnlock(request.visitor, share.link.id, share.link.passwordVersion, app.now())
      return await reply.redirect(next, 303)
    }
  )
}
