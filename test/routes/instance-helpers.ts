import { buildTestApp, secondInstance } from '../helper.ts'
import { albumOfKind, expectedUids } from './visitor-helpers.ts'

/** What both instances are configured with (make one with `openssl rand -hex 32`). */
export const SHARED_SESSION_KEY = 'a1'.repeat(32)

/**
 * Two instances of the app on one database and one store of derived files,
 * with one session key, as behind a load balancer: what one writes, the
 * other honours at its next request. Runs on SQLite and, in CI's second
 * pass, on PostgreSQL with an S3 bucket.
 */
export async function twoInstances(t: Parameters<typeof buildTestApp>[0]) {
  const a = await buildTestApp(t, { env: { ALBUMLINK_SESSION_KEY: SHARED_SESSION_KEY } })
  const b = await secondInstance(t, a)
  const album = await albumOfKind(a.db, 'folder')
  const photos = await expectedUids(a.db, album)
  return { a, b, album, photos }
}
