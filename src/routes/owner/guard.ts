import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

const safeNext = (url: string): string => (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/albums')
export { safeNext }

/**
 * Everything registered in this scope is the owner's: anonymous requests are
 * sent to sign in (forms get 401 and never act), state-changing requests must
 * carry the CSRF token, checked before the body is validated, and every page
 * gets a fresh token for its forms.
 */
export function guardOwnerScope (app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.session.get('owner')) return
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
