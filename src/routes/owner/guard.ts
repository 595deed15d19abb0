import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isOwner } from '../../plugins/owner-auth.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

const HERE = 'http://albumlink.invalid'

/**
 * A local path to go to after sign-in, or /albums. Parsed the way a browser
 * parses a Location (dropping tabs and newlines, reading a backslash as a
 * slash, resolving dot segments), so `/<tab>/evil.com` or `/\\evil.com`
 * cannot become another host; and a result that itself starts with two
 * slashes (`/.//evil.com` resolves to `//evil.com`) would be read as a host
 * by the browser, so it is refused too.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return ownerUrls.albums
  try {
    const url = new URL(next, HERE)
    const path = url.pathname + url.search + url.hash
    if (url.origin === HERE && !/^[/\\]{2}/.test(path)) return path
  } catch {}
  return ownerUrls.albums
}

/**
 * Everything registered in this scope is the owner's: anonymous requests are
 * sent to sign in (forms get 401 and never act), state-changing requests must
 * carry the CSRF token, checked before the body is validated, and every page
 * gets a fresh token for its forms.
 */
export function guardOwnerScope(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (await isOwner(app, request)) return
    if (request.method === 'GET' || request.method === 'HEAD') {
      return await reply.redirect(ownerUrls.login(request.url))
    }
    reply.code(401)
    return await render(reply, 'error', {
      title: 'Please sign in',
      status: 401,
      message: 'Your session has ended. Sign in again; nothing was changed.'
    })
  })
  app.addHook('preValidation', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()))
    })
  })
  app.addHook('preHandler', async (request, reply) => {
    reply.locals = { ...reply.locals, owner: true, csrf: reply.generateCsrf(), path: request.url }
  })
}
