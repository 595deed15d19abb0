import type { TypedApp } from '../types.ts'
import { countPhotos } from '../library/photos.ts'
import { isOwner } from '../plugins/owner-auth.ts'
import { runningJobs } from '../library/job-lock.ts'

/**
 * For health checks and scripts that wait for the first index (on any instance of the database); only the signed-in
 * owner learns the photo count.
 */
export default async function healthRoutes(app: TypedApp): Promise<void> {
  app.get('/healthz', async request => {
    const status = { ok: true, indexing: app.indexState.running || (await runningJobs(app.db)).includes('index') }
    return (await isOwner(app, request))
      ? { ...status, photos: await countPhotos(app.db), videosToPrepare: app.indexState.renditions }
      : status
  })
}
