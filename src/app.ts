import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Kysely } from 'kysely'
import './types.ts'
import type { Config } from './config.ts'
import type { DB } from './db/schema.ts'
import { IndexState } from './library/index-state.ts'
import { storageFor } from './storage/open-storage.ts'
import type { Storage } from './storage/storage.ts'
import viewPlugin from './plugins/view.ts'
import sessionsPlugin from './plugins/sessions.ts'
import securityPlugin from './plugins/security.ts'
import csrfPlugin from './plugins/csrf.ts'
import errorsPlugin, { frameworkErrors } from './plugins/errors.ts'
import staticPlugin from './plugins/static.ts'
import limitsPlugin, { type LimitSettings } from './plugins/limits.ts'
import linkStatsPlugin from './plugins/link-stats.ts'
import readScopePlugin from './plugins/read-scope.ts'
import { proxyTrust } from './plugins/client-key.ts'
import healthRoutes from './routes/health.ts'
import loginRoutes from './routes/owner/login.ts'
import ownerRoutes from './routes/owner/index.ts'
import visitorRoutes from './routes/visitor/index.ts'

export interface AppDeps {
  db: Kysely<DB>
  indexState?: IndexState
  now?: () => Date
  logger?: boolean | object
  /** Where derived files live; the one the configuration names (shared with the library jobs) when not given. */
  storage?: Storage
  /** Caps on expensive work (tests make them small). */
  limits?: Partial<LimitSettings>
}

/**
 * Socket timeouts, so slow or stalled clients cannot hold connections: a
 * whole request must arrive within 30 s (its headers within 10 s), an idle
 * keep-alive connection closes after 72 s (longer than the 60 s proxies
 * keep theirs, so a proxy never reuses one being closed), and a socket with
 * no traffic either way for 2 minutes is dropped.
 */
export const TIMEOUTS = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 72_000, idleSocketMs: 120_000 }

/** Builds the app from plugins and routes; starting it is server.ts's job. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // X-Forwarded-* only from the proxies ALBUMLINK_TRUST_PROXY names; off by default.
    trustProxy: proxyTrust(config.trustProxy) as FastifyServerOptions['trustProxy'],
    bodyLimit: 1024 * 1024,
    requestTimeout: TIMEOUTS.requestMs,
    keepAliveTimeout: TIMEOUTS.keepAliveMs,
    connectionTimeout: TIMEOUTS.idleSocketMs,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors
  })
  app.server.headersTimeout = TIMEOUTS.headersMs
  app.decorate('config', config)
  app.decorate('db', deps.db)
  app.decorate('storage', deps.storage ?? (await storageFor(config)))
  app.decorate('indexState', deps.indexState ?? new IndexState())
  app.decorate('now', deps.now ?? (() => new Date()))

  await app.register(readScopePlugin)
  await app.register(limitsPlugin, { settings: deps.limits })
  await app.register(viewPlugin)
  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(sessionsPlugin)
  await app.register(csrfPlugin)
  await app.register(staticPlugin)
  await app.register(linkStatsPlugin)

  await app.register(healthRoutes)
  await app.register(loginRoutes)
  await app.register(ownerRoutes)
  await app.register(visitorRoutes, { prefix: '/s' })
  return app
}
