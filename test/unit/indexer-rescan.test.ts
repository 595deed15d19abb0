import t from 'tap'
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { connectDb } from '../../src/db/connect.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { DB } from '../../src/db/schema.ts'
import { runIndex } from '../../src/library/indexer/index.ts'

import { EXIF_SAMPLES } from '../helper.ts'

// Copies of real camera files into a temp dir.
const GPS = join(EXIF_SAMPLES, 'jpg', 'gps')

interface Library {
  db: Kysely<DB>
  root: string
  index: () => ReturnType<typeof runIndex>
}

async function library(t: { teardown: (fn: () => unknown) => void }): Promise<Library> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-rescan-'))
  const root = join(dir, 'originals')
  await mkdir(root)
  const db = connectDb(join(dir, 'albumlink.db'))
  await migrateToLatest(db)
  t.teardown(async () => {
    await db.destroy()
    await rm(dir, { recursive: true, force: true })
  })
  return { db, root, index: async () => await runIndex(db, { originals: root, thumbsDir: join(dir, 'thumbs') }) }
}

const paths = async (db: Kysely<DB>): Promise<string[]> =>
  (await db.selectFrom('photos').select('path').orderBy('path').execute()).map(p => p.path)

const album = async (db: Kysely<DB>, kind: 'folder' | 'moment', filter: string) =>
  await db
    .selectFrom('albums')
    .select(['id', 'uid'])
    .where('kind', '=', kind)
    .where('filter', '=', filter)
    .executeTakeFirst()

t.test('hidden files and symlinks leaving the root are skipped', async t => {
  const { db, root, index } = await library(t)
  const outside = join(root, '..', 'outside')
  await mkdir(outside)
  await copyFile(join(GPS, 'DSCN0021.jpg'), join(outside, 'elsewhere.jpg'))
  await copyFile(join(GPS, 'DSCN0010.jpg'), join(root, 'a.jpg'))
  await copyFile(join(GPS, 'DSCN0012.jpg'), join(root, '.hidden.jpg'))
  await mkdir(join(root, '.thumbnails'))
  await copyFile(join(GPS, 'DSCN0012.jpg'), join(root, '.thumbnails', 'b.jpg'))
  await writeFile(join(root, 'notes.txt'), 'not a photo')
  await symlink(join(outside, 'elsewhere.jpg'), join(root, 'outside-link.jpg'))
  await symlink(outside, join(root, 'outside-folder'))
  await symlink(join(root, 'a.jpg'), join(root, 'inside-link.jpg'))
  await symlink(join(root, 'nowhere.jpg'), join(root, 'dangling.jpg'))

  const stats = await index()
  t.same(await paths(db), ['a.jpg', 'inside-link.jpg'])
  t.match(stats, { files: 2, processed: 2, failed: 0 })
})

t.test('a deleted file is marked missing and a shared album keeps its link', async t => {
  const { db, root, index } = await library(t)
  await mkdir(join(root, 'trip'))
  await mkdir(join(root, 'unshared'))
  for (const name of ['DSCN0010.jpg', 'DSCN0012.jpg', 'DSCN0021.jpg']) {
    await copyFile(join(GPS, name), join(root, 'trip', name))
  }
  await copyFile(join(GPS, 'DSCN0025.jpg'), join(root, 'unshared', 'DSCN0025.jpg'))
  t.match(await index(), { files: 4, processed: 4 })

  const trip = await album(db, 'folder', 'trip')
  const moment = await album(db, 'moment', 'IT/2008-10-22')
  t.ok(trip && moment && (await album(db, 'folder', 'unshared')))
  const now = new Date().toISOString()
  for (const a of [trip!, moment!]) {
    await db
      .insertInto('links')
      .values({
        token: 'keep-this-link',
        album_id: a.id,
        expires_at: null,
        created_at: now,
        updated_at: now,
        created_by: 'owner'
      })
      .execute()
  }
  const before = await db
    .selectFrom('photos')
    .select(['path', 'uid'])
    .where('path', '=', 'trip/DSCN0012.jpg')
    .executeTakeFirstOrThrow()

  await rm(join(root, 'trip'), { recursive: true })
  await unlink(join(root, 'unshared', 'DSCN0025.jpg'))
  t.match(await index(), { files: 0, processed: 0, missing: 4 })
  const rows = await db.selectFrom('photos').select(['path', 'missing']).execute()
  t.equal(rows.length, 4, 'rows are kept')
  t.ok(
    rows.every(r => r.missing === 1),
    'and marked missing'
  )
  t.same(await album(db, 'folder', 'trip'), trip, 'the shared folder album stays')
  t.same(await album(db, 'moment', 'IT/2008-10-22'), moment, 'the shared moment stays')
  t.equal(await album(db, 'folder', 'unshared'), undefined, 'an empty unshared folder album goes')
  const links = await db.selectFrom('links').select('album_id').where('token', '=', 'keep-this-link').execute()
  t.same(links.map(l => l.album_id).sort(), [trip!.id, moment!.id].sort(), 'links survive')

  await mkdir(join(root, 'trip'))
  await copyFile(join(GPS, 'DSCN0012.jpg'), join(root, 'trip', 'DSCN0012.jpg'))
  t.match(
    await index(),
    { files: 1, processed: 0, unchanged: 1, missing: 0 },
    'a file that comes back needs no image work'
  )
  const back = await db
    .selectFrom('photos')
    .select(['uid', 'missing'])
    .where('path', '=', 'trip/DSCN0012.jpg')
    .executeTakeFirstOrThrow()
  t.same(back, { uid: before.uid, missing: 0 }, 'and keeps its identity')
})

t.test('a changed file is indexed again under the same identity', async t => {
  const { db, root, index } = await library(t)
  await copyFile(join(GPS, 'DSCN0010.jpg'), join(root, 'a.jpg'))
  await index()
  const before = await db.selectFrom('photos').select(['uid', 'hash', 'taken_at']).executeTakeFirstOrThrow()
  await copyFile(join(GPS, 'DSCN0042.jpg'), join(root, 'a.jpg'))
  t.match(await index(), { processed: 1 })
  const after = await db.selectFrom('photos').select(['uid', 'hash', 'taken_at']).executeTakeFirstOrThrow()
  t.equal(after.uid, before.uid)
  t.not(after.hash, before.hash)
  t.equal(after.taken_at, '2008-10-22T17:00:07')
})
