import t from 'tap'
import { buildTestApp } from '../helper.ts'
import { TEST_POSTGRES } from '../databases.ts'
import { albumOfKind, expectedUids, openLink, share, visit } from './visitor-helpers.ts'

/**
 * Database round trips per visitor request once caches are warm: a
 * thumbnail needs one (on PostgreSQL, the shared change version that proves
 * the cached grant still holds), a page at most two. On SQLite the version is
 * a pragma read beside Kysely, so both need none.
 */
t.test('steady-state round trips: thumbnail 1, album page and photo page at most 2', async t => {
  let queries = 0
  const { app, db } = await buildTestApp(t, { onQuery: () => queries++ })
  const album = await albumOfKind(db, 'moment')
  const [photo] = await expectedUids(db, album)
  const link = await share(db, album, 'round-trips-0001')
  const cookie = await openLink(app, link.token)
  const base = `/s/${link.token}/${album.uid}`
  const counted = async (url: string): Promise<number> => {
    await visit(app, url, cookie)
    await visit(app, url, cookie)
    queries = 0
    t.equal((await visit(app, url, cookie)).statusCode, 200, url)
    return queries
  }
  const thumbnail = await counted(`${base}/${photo}/thumb/tile`)
  const page = await counted(base)
  const photoPage = await counted(`${base}/${photo}`)
  t.comment(`${TEST_POSTGRES ? 'PostgreSQL' : 'SQLite'}: thumbnail ${thumbnail}, page ${page}, photo page ${photoPage}`)
  t.ok(thumbnail <= (TEST_POSTGRES ? 1 : 0), `thumbnail: ${thumbnail}`)
  t.ok(page <= (TEST_POSTGRES ? 2 : 0), `album page: ${page}`)
  t.ok(photoPage <= (TEST_POSTGRES ? 2 : 0), `photo page: ${photoPage}`)
})
