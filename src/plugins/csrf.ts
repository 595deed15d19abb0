import fp from 'fastify-plugin'
import csrf from '@fastify/csrf-protection'

/** CSRF secrets live in the owner session; owner forms are checked in preValidation, before body validation. */
export default fp(
  async app => {
    await app.register(csrf, {
      sessionPlugin: '@fastify/secure-session',
      getToken: request => (request.body as { _csrf?: string } | undefined)?._csrf
    })
  },
  { name: 'csrf', dependencies: ['sessions'] }
)
