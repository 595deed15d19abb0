import type { TypedApp } from '../../types.ts'
import { MissLimiter } from '../../sharing/miss-limiter.ts'
import { shareScope } from './share-scope.ts'
import openRoutes from './open.ts'
import photoRoutes from './photo.ts'
import mediaRoutes from './media.ts'
import downloadRoutes from './download.ts'
import logoutRoutes from './logout.ts'
import unlockRoutes from './unlock.ts'
import mapRoutes from './map.ts'
import videoRoutes from './video.ts'
import previewRoutes from './preview.ts'

/**
 * Everything under /s: what a person holding a link may do. The share scope
 * resolves every `:token/:album` route's grant before its handler runs. The
 * token is in the URL, so no referrer leaves the page, nothing is indexed
 * and nothing may be kept by a shared cache.
 */
export default async function visitorRoutes(app: TypedApp): Promise<void> {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('referrer-policy', 'no-referrer')
    reply.header('x-robots-tag', 'noindex, nofollow')
    const cache = reply.getHeader('cache-control')
    if (typeof cache !== 'string' || !cache.startsWith('private')) reply.header('cache-control', 'private, no-store')
    return payload
  })
  const limiter = new MissLimiter(app.db, 10, 60_000, () => app.now().getTime())
  const resolveShare = shareScope(app, limiter)
  await app.register(logoutRoutes)
  await app.register(openRoutes, { limiter })
  await app.register(unlockRoutes)
  await app.register(photoRoutes)
  await app.register(mediaRoutes)
  await app.register(downloadRoutes, { resolveShare })
  await app.register(mapRoutes)
  await app.register(videoRoutes)
  await app.register(previewRoutes)
}
