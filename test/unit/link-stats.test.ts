import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDb } from '../../src/db/connect.ts'
import { changeVersion } from '../../src/db/read-cache.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { LinkStats } from '../../src/sharing/link-stats.ts'

async function linkDb(t: { teardown: (fn: () => unknown) => void }) {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-stats-'))
  const db = connectDb(join(dir, 'db.sqlite'))
  t.teardown(async () => {
    await db.destroy()
    await rm(dir, { recursive: true, force: true })
  })
  await migrateToLatest(db)
  const now = new Date().toISOString()
  const album = await db
    .insertInto('albums')
    .values({
      uid: 'a1',
      kind: 'album',
      slug: 'a',
      title: 'A',
      filter: 'a1',
      cover_photo_id: null,
      created_at: now,
      updated_at: now
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const link = await db
    .insertInto('links')
    .values({
      token: 'stats-token',
      album_id: album.id,
      expires_at: null,
      created_at: now,
      updated_at: now,
      created_by: 'test',
      max_visits: null
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const stored = async () =>
    await db
      .selectFrom('links')
      .select(['photo_views', 'downloads', 'zip_downloads', 'last_visit_at'])
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow()
  return { db, id: link.id, stored }
}

t.test('counts wait in memory until a flush, then add up in one write that moves no data version', async t => {
  const { db, id, stored } = await linkDb(t)
  const stats = new LinkStats(db, 60_000)
  t.teardown(async () => {
    await stats.stop()
  })
  const version = await changeVersion(db)
  stats.count(id, 'photo_views')
  stats.count(id, 'photo_views')
  stats.count(id, 'downloads')
  stats.visited(id, new Date('2025-03-02T10:00:00.000Z'))
  stats.visited(id, new Date('2025-03-01T10:00:00.000Z'))
  t.same(await stored(), { photo_views: 0, downloads: 0, zip_downloads: 0, last_visit_at: null }, 'nothing written yet')
  await stats.flush()
  t.same(
    await stored(),
    { photo_views: 2, downloads: 1, zip_downloads: 0, last_visit_at: '2025-03-02T10:00:00.000Z' },
    'written, with the latest visit'
  )
  stats.count(id, 'zip_downloads')
  stats.visited(id, new Date('2025-02-01T00:00:00.000Z'))
  await stats.flush()
  t.same(
    await stored(),
    { photo_views: 2, downloads: 1, zip_downloads: 1, last_visit_at: '2025-03-02T10:00:00.000Z' },
    'added up; an older visit never moves the last one back'
  )
  t.equal(await changeVersion(db), version, "the caches' data version did not move")
  await stats.flush()
  t.equal(await changeVersion(db), version, 'an empty flush writes nothing')
})

t.test('the timer writes on its own, and stopping writes what is left', async t => {
  const { db, id, stored } = await linkDb(t)
  const stats = new LinkStats(db, 20)
  stats.count(id, 'photo_views')
  await new Promise(resolve => setTimeout(resolve, 120))
  t.equal((await stored()).photo_views, 1, 'flushed by the timer')
  stats.count(id, 'downloads')
  await stats.stop()
  t.equal((await stored()).downloads, 1, 'flushed when stopped')
  stats.count(id, 'downloads')
  await new Promise(resolve => setTimeout(resolve, 60))
  t.equal((await stored()).downloads, 1, 'no timer after stop')
})
