import { fileURLToPath } from 'node:url'
import { dirname } from 'node:path'
import { createRequire } from 'node:module'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url))
const MAPLIBRE_DIR = dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')) + '/dist/'

/** Our CSS/JS/icons, and maplibre-gl straight from node_modules (no CDN). */
export default fp(
  async app => {
    await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' })
    await app.register(fastifyStatic, {
      root: MAPLIBRE_DIR,
      prefix: '/vendor/maplibre/',
      decorateReply: false,
      maxAge: '7d',
      allowedPath: path => /^\/maplibre-gl(-shared|-worker)?\.(mjs|css)$/.test(path)
    })
  },
  { name: 'static' }
)
