import t from 'tap'
import { buildTestApp, signIn } from '../helper.ts'
import { clonePhotos, createAlbum, gridUids, ownerGet, somePhotos, somePhotosByDate } from './owner-helpers.ts'

t.test('unknown or malformed album uids are 404 pages', async t => {
  const { app } = await buildTestApp(t)
  const session = await signIn(app)
  for (const url of [
    '/albums/anosuchalbum',
    '/albums/NOT-A-UID',
    '/albums/%3Cscript%3E',
    `/albums/${'a'.repeat(41)}`
  ]) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 404, url)
    t.match(res.body, 'Page not found')
  }
})

t.test('every kind of album lists its photos oldest first', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  for (const kind of ['month', 'state', 'folder', 'moment'] as const) {
    const album = await db.selectFrom('albums').select('uid').where('kind', '=', kind).executeTakeFirstOrThrow()
    const page = await ownerGet(app, session, `/albums/${album.uid}`)
    t.equal(page.statusCode, 200)
    t.match(page.body, 'oldest first', 'the page says which order')
    const shown = gridUids(page.body)
    t.ok(shown.length > 1, `${kind} album has photos`)
    const rows = await db.selectFrom('photos').select(['uid', 'taken_at', 'id']).where('uid', 'in', shown).execute()
    const sorted = rows
      .sort((a, b) => (a.taken_at ?? '').localeCompare(b.taken_at ?? '') || a.id - b.id)
      .map(r => r.uid)
    t.same(shown, sorted, `${kind}: date order`)
  }
  // Members added newest first still show oldest first.
  const oldestFirst = (await somePhotosByDate(db, 10)).map(p => p.uid)
  const manual = await createAlbum(app, session, 'Mixed', [...oldestFirst].reverse())
  t.same(gridUids((await ownerGet(app, session, `/albums/${manual}`)).body), oldestFirst)
})

t.test('a big album is paged', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [source] = await somePhotos(db, 1)
  const clones = await clonePhotos(db, source, 130)
  const album = await createAlbum(app, session, 'Big', clones)
  const expected = clones.map(p => p.uid)

  const first = await ownerGet(app, session, `/albums/${album}`)
  t.match(first.body, '130 photos')
  t.same(gridUids(first.body), expected.slice(0, 120), 'page 1: the oldest 120')
  t.match(first.body, 'Page 1 of 2')
  t.match(first.body, 'rel="next" href="?page=2"')
  t.notMatch(first.body, 'rel="prev"')

  const second = await ownerGet(app, session, `/albums/${album}?page=2`)
  t.equal(second.statusCode, 200)
  t.same(gridUids(second.body), expected.slice(120), 'page 2: the rest')
  t.match(second.body, 'Page 2 of 2')
  t.match(second.body, 'rel="prev" href="?page=1"')
  t.notMatch(second.body, 'rel="next"')
  t.match(second.body, '130 photos', 'the count is of the album, not the page')

  const beyond = await ownerGet(app, session, `/albums/${album}?page=3`)
  t.equal(beyond.statusCode, 200)
  t.same(gridUids(beyond.body), [])

  for (const page of ['0', 'abc', '-1', '1.5', '']) {
    const res = await ownerGet(app, session, `/albums/${album}?page=${page}`)
    t.equal(res.statusCode, 400, `page=${page}`)
    t.match(res.body, /“page”/, 'the error names the field')
  }
})
