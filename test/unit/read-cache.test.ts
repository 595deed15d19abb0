import t from 'tap'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDb } from '../../src/db/connect.ts'
import { changeVersion, ReadCache } from '../../src/db/read-cache.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'

async function twoConnections(t: { teardown: (fn: () => unknown) => void }): Promise<ReturnType<typeof connectDb>[]> {
  const file = join(await mkdtemp(join(tmpdir(), 'albumlink-version-')), 'db.sqlite')
  const [db, other] = [connectDb(file), connectDb(file)]
  t.teardown(async () => {
    await db.destroy()
    await other.destroy()
  })
  await migrateToLatest(db)
  return [db, other]
}

// The visitor caches key on the change version: it must change on every write, in this process or another.
t.test('the change version moves on writes through this instance and on commits by another connection', async t => {
  const [db, other] = await twoConnections(t)
  const start = await changeVersion(db)
  await db.selectFrom('photos').selectAll().execute()
  t.equal(await changeVersion(db), start, 'reads leave it alone')
  await db.insertInto('users').values({ name: 'x', password_hash: 'h', created_at: 'now' }).execute()
  const afterWrite = await changeVersion(db)
  t.not(afterWrite, start, 'a write here changes it')
  await other.updateTable('users').set({ password_hash: 'h2' }).execute()
  t.not(await changeVersion(db), afterWrite, 'a commit by another connection (another process) changes it')
  t.match(await changeVersion({} as never), /^uncached-/, 'an unknown instance never repeats')
})

t.test('a read cache keeps values, null included, until the data changes', async t => {
  const [db] = await twoConnections(t)
  const cache = new ReadCache<string | null>(db, 2)
  let reads = 0
  const read = (value: string | null) => async () => {
    reads++
    return value
  }
  t.equal(await cache.get('a', read('first')), 'first')
  t.equal(await cache.get('a', read('other')), 'first', 'kept')
  t.equal(await cache.get('b', read(null)), null)
  t.equal(await cache.get('b', read('other')), null, 'a kept null is not a miss')
  t.equal(reads, 2)
  await cache.get('a', read('x'))
  await cache.get('c', read('third'))
  t.equal(await cache.get('b', read('again')), 'again', 'the least recently used goes')
  await db.insertInto('users').values({ name: 'x', password_hash: 'h', created_at: 'now' }).execute()
  t.equal(await cache.get('a', read('after a write')), 'after a write', 'a write makes every kept value unreachable')
  t.equal(await cache.get('z', read(null), v => v !== null), null)
  t.equal(await cache.get('z', read('read again')), 'read again', 'a value `keep` refuses is not kept')
})

t.test('a write during a read files the value under the version already gone', async t => {
  const [db] = await twoConnections(t)
  const cache = new ReadCache<string>(db, 10)
  await cache.get('k', async () => {
    await db.insertInto('users').values({ name: 'y', password_hash: 'h', created_at: 'now' }).execute()
    return 'stale'
  })
  t.equal(await cache.get('k', async () => 'fresh'), 'fresh')
})
