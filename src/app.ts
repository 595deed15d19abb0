import Fastify, { type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import './types.ts'
import type { Config } from './config.ts'
import type { DB } from './db/schema.ts'
import { IndexState } from './library/index-state.ts'
import viewPlugin from './plugins/view.ts'
import sessionsPlugin from './plugins/sessions.ts'
import securityPlugin from './plugins/security.ts'
import csrfPlugin from './plugins/csrf.ts'
import errorsPlugin, { frameworkErrors } from './plugins/errors.ts'
import staticPlugin from './plugins/static.ts'
import healthRoutes from './routes/health.ts'
import loginRoutes from './routes/owner/login.ts'
import ownerRoutes from './routes/owner/index.ts'
import visitorRoutes from './routes/visitor/index.ts'

export interface AppDeps {
  db: Kysely<DB>
  indexState?: IndexState
  now?: () => Date
  logger?: boolean | object
}

/** Builds the app from plugins and routes; starting it is server.ts's job. */
export async function buildApp (config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: config.publicUrl !== undefined,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors
  })
  app.decorate('config', config)
  app.decorate('db', deps.db)
  app.decorate('indexState', deps.indexState ?? new IndexState())
  app.decorate('now', deps.now ?? (() => new Date()))

  await app.register(viewPlugin)
  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(sessionsPlugin)
  await app.register(csrfPlugin)
  await app.register(staticPlugin)

  await app.register(healthRoutes)
  await app.register(loginRoutes)
  await app.register(ownerRoutes)
  await app.register(visitorRoutes, { prefix: '/s' })
  return app
}
