import t from 'tap'
import { cookiesFrom } from '../helper.ts'
import { changeVersion } from '../../src/db/read-cache.ts'
import { expectedUids, freshClient, visit } from './visitor-helpers.ts'
import { addLink, albumOfKind, ownerApp, ownerGet, rowHtml, storedLink } from './share-helpers.ts'

const NOW = '2025-01-31T10:00:00.000Z'

t.test('visits, photo views, single and zip downloads and the last visit, per link', async t => {
  const o = await ownerApp(t)
  o.clock.now = new Date(NOW)
  const album = await albumOfKind(o, 'state')
  const [photo, other] = await expectedUids(o.db, album)
  const id = await addLink(o, album)
  const untouched = await addLink(o, album)
  const { token } = (await storedLink(o, id))!
  const base = `/s/${token}/${album.uid}`
  const before = await changeVersion(o.db)

  const cookie = cookiesFrom(await visit(o.app, base))
  o.clock.now = new Date('2025-02-03T08:30:00.000Z')
  for (const uid of [photo, other, photo]) t.equal((await visit(o.app, `${base}/${uid}`, cookie)).statusCode, 200)
  t.equal((await o.app.inject({ method: 'HEAD', url: `${base}/${photo}`, headers: { cookie } })).statusCode, 200)
  const original = `${base}/${photo}/original`
  const whole = await visit(o.app, original, cookie)
  t.equal(whole.statusCode, 200)
  t.equal(
    (await visit(o.app, original, cookie, undefined, { range: 'bytes=0-99' })).statusCode,
    206,
    'a resumable download from its start counts'
  )
  t.equal(
    (await visit(o.app, original, cookie, undefined, { range: 'bytes=100-199' })).statusCode,
    206,
    'its later parts do not'
  )
  t.equal(
    (await visit(o.app, original, cookie, undefined, { 'if-none-match': String(whole.headers.etag) })).statusCode,
    304,
    'nor a revalidation'
  )
  t.equal((await o.app.inject({ method: 'HEAD', url: original, headers: { cookie } })).statusCode, 200, 'nor a HEAD')
  t.equal((await visit(o.app, `${base}/download`, cookie)).statusCode, 200, 'a zip')
  t.equal((await visit(o.app, `${base}/${photo}/thumb/tile`, cookie)).statusCode, 200, 'thumbnails are not counted')
  await visit(o.app, base, '', freshClient())

  await o.app.linkStats.flush()
  t.equal(await changeVersion(o.db), before, 'counting moved no data version: cached pages and memberships stay')

  const stored = (await storedLink(o, id))!
  t.same(
    {
      visits: stored.views,
      photos: stored.photo_views,
      downloads: stored.downloads,
      zips: stored.zip_downloads,
      last: stored.last_visit_at
    },
    { visits: 2, photos: 3, downloads: 2, zips: 1, last: '2025-02-03T08:30:00.000Z' }
  )
  const untouchedRow = (await storedLink(o, untouched))!
  t.same(
    [
      untouchedRow.views,
      untouchedRow.photo_views,
      untouchedRow.downloads,
      untouchedRow.zip_downloads,
      untouchedRow.last_visit_at
    ],
    [0, 0, 0, 0, null],
    'another link of the album counts nothing'
  )

  const row = rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, id)
  t.match(row, '· 2 visits ·')
  t.match(row, '3 photo views · 2 single downloads · 1 zip download · last visit 3 February 2025, 08:30 UTC')
  t.match(
    rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, untouched),
    '0 photo views · 0 single downloads · 0 zip downloads · no visit yet'
  )
})

t.test("counts kept in memory reach the owner's pages at once", async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'month')
  const [photo] = await expectedUids(o.db, album)
  const id = await addLink(o, album)
  const base = `/s/${(await storedLink(o, id))!.token}/${album.uid}`
  const cookie = cookiesFrom(await visit(o.app, base))
  await visit(o.app, `${base}/${photo}`, cookie)
  t.equal((await storedLink(o, id))!.photo_views, 0, 'not written yet (batched)')
  t.match(
    (await ownerGet(o, '/links')).body,
    /<td data-label="Visits">1<\/td>\s*<td data-label="Photo views">1<\/td>\s*<td data-label="Single downloads">0<\/td>\s*<td data-label="Zip downloads">0<\/td>/,
    'the overview writes them first: 1 visit, 1 photo view'
  )
  await visit(o.app, `${base}/${photo}`, cookie)
  t.match(
    rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, id),
    '2 photo views',
    'so does the share dialog'
  )
})

t.test('/links sorts by any statistics column through the query string', async t => {
  const o = await ownerApp(t)
  const albums = await o.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', 'state')
    .orderBy('id')
    .limit(3)
    .execute()
  const ids: number[] = []
  for (const album of albums) ids.push(await addLink(o, album))
  const visits = [2, 0, 1]
  for (const [i, n] of visits.entries()) {
    const link = (await storedLink(o, ids[i]))!
    for (let v = 0; v < n; v++) await visit(o.app, `/s/${link.token}/${albums[i].uid}`, '', freshClient())
  }
  await o.db.updateTable('links').set({ zip_downloads: 5 }).where('id', '=', ids[1]).execute()
  const order = async (query: string): Promise<number[]> => {
    const body = (await ownerGet(o, `/links${query}`)).body
    return ids
      .map(id => ({ id, at: body.indexOf(`id="url-${id}"`) }))
      .sort((a, b) => a.at - b.at)
      .map(r => r.id)
  }
  t.same(await order(''), [ids[2], ids[1], ids[0]], 'newest first by default')
  t.same(await order('?sort=visits'), [ids[0], ids[2], ids[1]], 'most visits first')
  t.same(await order('?sort=visits&order=asc'), [ids[1], ids[2], ids[0]], 'fewest first')
  t.same(await order('?sort=zips'), [ids[1], ids[2], ids[0]], 'zip downloads, ties newest first')
  t.same(await order('?sort=last_visit&order=desc'), [ids[2], ids[0], ids[1]], 'last visit: never visited last')
  t.same(
    albums.map(a => a.title),
    ['Bavaria', 'Île-de-France', 'Lazio'],
    "the demo's first regions"
  )
  t.same(await order('?sort=album&order=asc'), ids, 'album titles as people read them: Île between Bavaria and Lazio')
  t.same(await order('?sort=album&order=desc'), [...ids].reverse(), 'and Z to A')

  const page = (await ownerGet(o, '/links?kind=state&sort=visits&order=desc')).body
  t.match(
    page,
    /<th scope="col" aria-sort="descending"><a class="sort" href="\/links\?kind=state&amp;sort=visits&amp;order=asc">Visits/,
    'the sorted header says so and turns the order round'
  )
  t.match(
    page,
    /<th scope="col" aria-sort="none"><a class="sort" href="\/links\?kind=state&amp;sort=photo_views&amp;order=desc">Photo views/,
    'the others sort most first, keeping the filter'
  )
  t.match(
    page,
    /<th scope="col" aria-sort="none"><a class="sort" href="\/links\?kind=state&amp;sort=album&amp;order=asc">Album/,
    'albums A to Z first'
  )
  t.match(
    page,
    '<input type="hidden" name="sort" value="visits"><input type="hidden" name="order" value="desc">',
    'filtering keeps the sort'
  )
  for (const bad of ['?sort=token', '?sort=visits&order=sideways', '?sort=views%3B']) {
    t.equal((await ownerGet(o, `/links${bad}`)).statusCode, 400, `${bad} is refused`)
  }
})
