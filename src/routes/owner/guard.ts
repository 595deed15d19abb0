import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ownerSessionTag } from '../../library/owner-account.ts'

const HERE = 'http://albumlink.invalid'

/**
 * A local path to go to after sign-in, or /albums. Parsed the way a browser
 * parses a Location (dropping tabs and newlines, reading a backslash as a
 * slash), so `/<tab>/evil.com` or `/\\evil.com` cannot become another host.
 */
export function safeNext (next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/albums'
  try {
    const url = new URL(next, HERE)
    if (url.origin === HERE) return url.pathname + url.search + url.hash
  } catch {}
  return '/albums'
}

/** True when the request carries an owner session that has not been ended since. */
export async function isOwner (app: FastifyInstance, request: FastifyRequest): Promise<boolean> {
  const tag = request.session.get('owner')
  return tag !== undefined && tag === await ownerSessionTag(app.db)
}

/**
 * Everything registered in this scope is the owner's: anonymous requests are
 * sent to sign in (forms get 401 and never act), state-changing requests must
 * carry the CSRF token, checked before the body is validated, and every page
 * gets a fresh token for its forms.
 */
export function guardOwnerScope (app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (await isOwner(app, request)) return
    if (request.method === 'GET' || request.method === 'HEAD') {
      return await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`)
    }
    reply.code(401)
    return await reply.view('error', { title: 'Please sign in', status: 401, message: 'Your session has ended. Sign in again; nothing was changed.' })
  })
  app.addHook('preValidation', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(request, reply, (err?: Error) => err ? reject(err) : resolve())
    })
  })
  app.addHook('preHandler', async (request, reply) => {
    reply.locals = { ...reply.locals, owner: true, csrf: reply.generateCsrf(), path: request.url }
  })
}
