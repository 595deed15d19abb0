import fp from 'fastify-plugin'
import helmet from 'helmet'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import { clientKey } from './client-key.ts'
import { databaseRateLimitStore } from './rate-limit-store.ts'

/** The origin of an external map style (ALBUMLINK_MAP_STYLE), whose style, tiles and sprites the map must fetch. */
function mapOrigin(style: string | undefined): string[] {
  return style && /^https?:\/\//.test(style) && URL.canParse(style) ? [new URL(style).origin] : []
}

type Middleware = ReturnType<typeof helmet>

/** The headers a helmet middleware sets: they do not depend on the request, so they are worked out once. */
function headersOf(middleware: Middleware): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value
    },
    removeHeader: (name: string) => {
      Reflect.deleteProperty(headers, name.toLowerCase())
    }
  }
  middleware({} as Parameters<Middleware>[0], response as unknown as Parameters<Middleware>[1], () => {})
  return headers
}

/**
 * Security headers with a strict CSP (our own scripts, styles and images
 * only), form bodies, rate limits. Helmet's headers are computed once here:
 * @fastify/helmet rebuilds its middleware (and re-parses the CSP) on every
 * request, which cost the thumbnail route about a fifth of its throughput.
 */
export default fp(
  async app => {
    const map = mapOrigin(app.config.mapStyle)
    const secure = app.config.secureCookies
    const headers = headersOf(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'"],
            imgSrc: ["'self'", 'data:', 'blob:', ...map],
            // maplibre-gl's ESM build starts its worker from its own same-origin URL: no blob: needed.
            workerSrc: ["'self'"],
            connectSrc: ["'self'", ...map],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            objectSrc: ["'none'"],
            baseUri: ["'none'"],
            upgradeInsecureRequests: secure ? [] : null
          }
        },
        crossOriginEmbedderPolicy: false,
        // Browsers ignore (and complain about) COOP on plain http origins other than localhost.
        crossOriginOpenerPolicy: secure,
        hsts: secure
      })
    )
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers)
      done()
    })
    await app.register(formbody, { bodyLimit: 64 * 1024 })
    // Per-route limits (sign-in) count per client key, like every other limiter, in the database that every
    // instance shares.
    await app.register(rateLimit, {
      global: false,
      keyGenerator: request => clientKey(request.ip),
      store: databaseRateLimitStore(app.db, () => app.now().getTime())
    })
  },
  { name: 'security' }
)
