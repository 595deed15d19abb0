import t from 'tap'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDb, dataVersion } from '../../src/db/connect.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'

// The visitor caches key on dataVersion: it must change on every write, in this process or another.
t.test('dataVersion changes on writes through this instance and on commits by another connection', async t => {
  const file = join(await mkdtemp(join(tmpdir(), 'albumlink-version-')), 'db.sqlite')
  const db = connectDb(file)
  const other = connectDb(file)
  t.teardown(async () => { await db.destroy(); await other.destroy() })
  await migrateToLatest(db)
  const start = dataVersion(db)
  await db.selectFrom('photos').selectAll().execute()
  t.equal(dataVersion(db), start, 'reads leave it alone')
  await db.insertInto('users').values({ name: 'x', password_hash: 'h', created_at: 'now' }).execute()
  const afterWrite = dataVersion(db)
  t.not(afterWrite, start, 'a write here changes it')
  await other.updateTable('users').set({ password_hash: 'h2' }).execute()
  t.not(dataVersion(db), afterWrite, 'a commit by another connection (another process) changes it')
  t.match(dataVersion({} as never), /^uncached-/, 'an unknown instance never repeats')
})
