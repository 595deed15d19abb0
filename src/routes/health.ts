import type { FastifyInstance } from 'fastify'
import { countPhotos } from '../library/photos.ts'

export default async function healthRoutes (app: FastifyInstance): Promise<void> {
  app.get('/healthz', async () => ({
    ok: true,
    indexing: app.indexState.running,
    photos: await countPhotos(app.db),
    videosToPrepare: app.indexState.renditions
  }))
}
