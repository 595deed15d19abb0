import type { TypedApp } from '../../types.ts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Leave } from '../../util/gate.ts'
import { Type } from '@sinclair/typebox'
import { checkOwnerPassword, endOwnerSessions, ownerSessionTag } from '../../library/owner-account.ts'
import { isOwner } from '../../plugins/owner-auth.ts'
import { safeNext } from './guard.ts'
import { render, renderToString } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

const LoginBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  // No length limit or required flag: a missing or absurd password is just a wrong one (the body limit bounds it).
  password: Type.String({ default: '' }),
  next: Type.Optional(Type.String({ maxLength: 2048 }))
})

// Anything goes: safeNext turns whatever is not a same-origin path into /albums.
const LoginQuery = Type.Object({ next: Type.Optional(Type.Unknown()) })

const BUSY = 'The server is busy with other sign-ins. Wait a few seconds and try again.'

export default async function loginRoutes(app: TypedApp): Promise<void> {
  // A flood of sign-ins is refused before its body is parsed or its form token checked, with a page rendered once:
  // refusing must cost far less than the serving it protects.
  const checks = new WeakMap<FastifyRequest, Leave>()
  let busyPage: Promise<string> | undefined
  const enterOrRefuse = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const leave = app.limits.passwordChecks.tryEnter()
    if (leave) {
      checks.set(request, leave)
      reply.raw.once('close', leave) // also when the client goes away before the check runs
      return
    }
    busyPage ??= renderToString(app, 'error', { title: 'Busy', status: 429, message: BUSY, owner: false })
    await reply
      .code(429)
      .header('retry-after', '2')
      .type('text/html; charset=utf-8')
      .send(await busyPage)
  }

  app.get(
    '/',
    async (request, reply) => await reply.redirect((await isOwner(app, request)) ? ownerUrls.albums : ownerUrls.login())
  )

  app.get('/login', { schema: { querystring: LoginQuery } }, async (request, reply) => {
    if (await isOwner(app, request)) return await reply.redirect(safeNext(request.query.next))
    return await render(reply, 'pages/login', {
      title: 'Sign in',
      csrf: reply.generateCsrf(),
      next: safeNext(request.query.next),
      error: null
    })
  })

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      onRequest: enterOrRefuse,
      preValidation: app.csrfProtection,
      schema: { body: LoginBody }
    },
    async (request, reply) => {
      const next = safeNext(request.body.next)
      // scrypt runs on libuv's thread pool, which also reads every image: one check at a time (enterOrRefuse).
      if (await checkOwnerPassword(app.db, request.body.password).finally(checks.get(request))) {
        request.session.regenerate()
        request.session.set('owner', (await ownerSessionTag(app.db)) ?? undefined)
        return await reply.redirect(next, 303)
      }
      reply.code(401)
      return await render(reply, 'pages/login', {
        title: 'Sign in',
        csrf: reply.generateCsrf(),
        next,
        error: 'That password is not right.'
      })
    }
  )

  app.post('/logout', { preValidation: app.csrfProtection }, async (request, reply) => {
    if (await isOwner(app, request)) await endOwnerSessions(app.db)
    request.session.delete()
    return await reply.redirect(ownerUrls.login(), 303)
  })
}
