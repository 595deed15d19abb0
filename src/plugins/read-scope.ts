import fp from 'fastify-plugin'
import { withRequestScope } from '../db/read-cache.ts'

/** Each request reads the shared change version at most once (PostgreSQL; a no-op cost on SQLite). */
export default fp(
  async app => {
    app.addHook('onRequest', (_request, _reply, done) => {
      withRequestScope(done)
    })
  },
  { name: 'read-scope' }
)
