import type { FastifyInstance } from 'fastify'
import { forgetTokens } from '../../sharing/visitor-session.ts'

/**
 * The power icon: forget every token this browser opened. No CSRF token is
 * needed: the visitor cookie is SameSite=Lax, so a cross-site POST carries
 * no session to end.
 */
export default async function logoutRoutes (app: FastifyInstance): Promise<void> {
  app.post('/logout', async (request, reply) => {
    forgetTokens(request.visitor)
    return await reply.view('pages/visitor/goodbye', { title: 'Session ended', visitor: true })
  })
}
