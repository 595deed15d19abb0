import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'

/** Security headers with a strict CSP (our own scripts, styles and images only), form bodies, rate limits. */
export default fp(async app => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: app.config.secureCookies ? [] : null
      }
    },
    crossOriginEmbedderPolicy: false,
    hsts: app.config.secureCookies
  })
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  await app.register(rateLimit, { global: false })
}, { name: 'security' })
