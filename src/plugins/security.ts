import fp from 'fastify-plugin'
import helmet from 'helmet'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'

/** The origin of an external map style (ALBUMLINK_MAP_STYLE), whose style, tiles and sprites the map must fetch. */
function mapOrigin (style: string | undefined): string[] {
  return style && /^https?:\/\//.test(style) && URL.canParse(style) ? [new URL(style).origin] : []
}

/**
 * Security headers with a strict CSP (our own scripts, styles and images
 * only), form bodies, rate limits. Helmet's middleware is built once here:
 * @fastify/helmet rebuilds it (and re-parses the CSP) on every request, which
 * cost the thumbnail route about a fifth of its throughput.
 */
export default fp(async app => {
  const map = mapOrigin(app.config.mapStyle)
  const secure = app.config.secureCookies
  const applyHeaders = helmet({
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
  app.addHook('onRequest', (request, reply, done) => { applyHeaders(request.raw, reply.raw, err => { done(err as Error | undefined) }) })
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  await app.register(rateLimit, { global: false })
}, { name: 'security' })
