import t from 'tap'
import { cookiesFrom, ownerPost } from '../helper.ts'
import { expectedUids, freshClient, share, unknownLinkBody, visit } from './visitor-helpers.ts'
import { addLink, albumOfKind, ownerApp, ownerGet, rowHtml, saveLink, storedLink, type Owner } from './share-helpers.ts'
import type { Album, AlbumKind, Link } from '../../src/db/schema.ts'

const limitTo = async (o: Owner, album: Album, link: Link, maxVisits: string) =>
  await saveLink(o, album, link, { options: '1', allow_downloads: '1', max_visits: maxVisits })

/** A fresh demo library with the owner signed in and a new link to an album of `kind`; `base` is its album page. */
async function linkedAlbum(t: Parameters<typeof ownerApp>[0], kind: AlbumKind) {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, kind)
  const id = await addLink(o, album)
  const link = (await storedLink(o, id))!
  return { o, album, id, link, base: `/s/${link.token}/${album.uid}` }
}

/** A visitor in a fresh browser opening the album page; returns its cookie, or null when refused. */
async function newVisitor(o: Owner, url: string): Promise<string | null> {
  const res = await visit(o.app, url, '', freshClient())
  return res.statusCode === 200 ? cookiesFrom(res) : null
}

t.test("stop after N visits: new visitors get the expired link's page, counted ones keep the link", async t => {
  const { o, album, id, link, base } = await linkedAlbum(t, 'state')
  const [photo] = await expectedUids(o.db, album)
  t.equal((await limitTo(o, album, link, '2')).statusCode, 303, 'a limit of 2 saved')
  t.equal((await storedLink(o, id))!.max_visits, 2)

  const first = await newVisitor(o, base)
  const second = await newVisitor(o, `${base}/${photo}`)
  t.ok(first && second, 'two browsers get in')
  t.equal((await storedLink(o, id))!.views, 2)
  const invalid = await unknownLinkBody(o.app)
  for (const url of [base, `${base}/${photo}`, `${base}/map`, `/s/${link.token}`]) {
    const res = await visit(o.app, url, '', freshClient())
    t.equal(res.statusCode, 404, `a third browser is refused at ${url}`)
    t.equal(res.body, invalid, "with the unknown link's page")
  }
  t.equal((await storedLink(o, id))!.views, 2, 'refusals are not visits')
  for (const cookie of [first!, second!]) {
    for (const url of [
      base,
      `${base}/${photo}`,
      `${base}/${photo}/thumb/tile`,
      `${base}/map.geojson`,
      `/s/${link.token}`
    ]) {
      t.ok(
        [200, 303].includes((await visit(o.app, url, cookie)).statusCode),
        `a counted browser keeps ${url.slice(base.length) || url}`
      )
    }
  }
  t.equal((await storedLink(o, id))!.views, 2, 'coming back is not another visit')

  const dialog = rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, id)
  t.match(dialog, '<span class="tag">Visit limit reached</span>', 'the row says the limit is reached')
  t.match(dialog, 'visit limit of 2 reached')
  t.match(dialog, /name="max_visits"[^>]*value="2"/, 'the field shows the limit')
  t.match((await ownerGet(o, '/links')).body, /2 of 2 <span class="tag">Limit reached<\/span>/, 'so does the overview')

  const bye = await o.app.inject({ method: 'POST', url: '/s/logout', headers: { cookie: first! } })
  t.equal(bye.statusCode, 303)
  t.equal(
    (await visit(o.app, base, first!)).statusCode,
    404,
    'a session ended with the power icon does not come back in'
  )

  t.equal((await limitTo(o, album, (await storedLink(o, id))!, '3')).statusCode, 303, 'the owner raises the limit')
  t.ok(await newVisitor(o, base), 'one more browser gets in')
  t.notOk(await newVisitor(o, base), 'and then no more')
  t.equal((await limitTo(o, album, (await storedLink(o, id))!, '')).statusCode, 303, 'an empty field removes the limit')
  t.equal((await storedLink(o, id))!.max_visits, null)
  t.ok(await newVisitor(o, base), 'anyone gets in again')
  t.match(rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, id), /name="max_visits"[^>]*value=""/)
})

t.test('two new browsers at once cannot both take the last place', async t => {
  const { o, album, id, link, base } = await linkedAlbum(t, 'state')
  await limitTo(o, album, link, '1')
  const answers = await Promise.all([1, 2, 3].map(async () => (await visit(o.app, base, '', freshClient())).statusCode))
  t.same(answers.sort(), [200, 404, 404], 'one gets in, the others are refused')
  t.equal((await storedLink(o, id))!.views, 1, 'one visit counted')
})

t.test('a limit set after the visits keeps the visitors it already counted', async t => {
  const { o, album, link, base } = await linkedAlbum(t, 'month')
  const [photo] = await expectedUids(o.db, album)
  const early = [await newVisitor(o, base), await newVisitor(o, base), await newVisitor(o, base)]
  await limitTo(o, album, link, '1')
  for (const cookie of early) {
    t.equal(
      (await visit(o.app, `${base}/${photo}/thumb/tile`, cookie!)).statusCode,
      200,
      'an earlier visitor keeps the link'
    )
  }
  t.notOk(await newVisitor(o, base), 'a new one is refused')
})

t.test('one secret, two albums: a full link stays shut for a session the other let in', async t => {
  const o = await ownerApp(t)
  const open = await albumOfKind(o, 'state')
  const full = await albumOfKind(o, 'month')
  const [photo] = await expectedUids(o.db, full)
  await share(o.db, open, 'two-albums-0001')
  const limited = await share(o.db, full, 'two-albums-0001')
  await o.db.updateTable('links').set({ max_visits: 1 }).where('id', '=', limited.id).execute()
  const counted = await newVisitor(o, `/s/two-albums-0001/${full.uid}`)
  t.ok(counted, 'the first visitor of the limited album')

  const list = await visit(o.app, '/s/two-albums-0001', '', freshClient())
  t.equal(list.statusCode, 303, 'a new visitor of the secret sees only the open album')
  t.equal(list.headers.location, `/s/two-albums-0001/${open.uid}`)
  const cookie = cookiesFrom(list)
  for (const url of [
    `/s/two-albums-0001/${full.uid}`,
    `/s/two-albums-0001/${full.uid}/${photo}`,
    `/s/two-albums-0001/${full.uid}/${photo}/thumb/tile`,
    `/s/two-albums-0001/${full.uid}/map.geojson`
  ]) {
    t.equal((await visit(o.app, url, cookie)).statusCode, 404, `the session holding the secret is still refused ${url}`)
  }
  t.match((await visit(o.app, '/s/two-albums-0001', counted!)).body, full.title, 'the counted visitor sees both albums')
})

t.test('a full protected link refuses before asking for the password', async t => {
  const { o, album, id, link, base } = await linkedAlbum(t, 'state')
  await saveLink(o, album, link, { options: '1', allow_downloads: '1', max_visits: '1', password: 'open sesame' })
  t.equal((await visit(o.app, base)).statusCode, 401, 'the password form while there is room')
  t.equal((await storedLink(o, id))!.views, 0, 'the form is not a visit')
  const unlocked = await o.app.inject({
    method: 'POST',
    url: `${base}/unlock`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'password=open+sesame'
  })
  t.equal(unlocked.statusCode, 303)
  t.equal((await storedLink(o, id))!.views, 1, 'the unlock is')
  const late = await visit(o.app, base, '', freshClient())
  t.equal(late.statusCode, 404, 'then a new browser is refused')
  t.equal(late.body, await unknownLinkBody(o.app))
})

t.test('a bad limit is a clear form error that keeps what was typed', async t => {
  const { o, album, id } = await linkedAlbum(t, 'moment')
  for (const typed of ['0', '-1', 'ten', '1.5', '1000001', '1e3']) {
    const before = await storedLink(o, id)
    const res = await ownerPost(o.app, o.session, `/albums/${album.uid}/links/${id}`, {
      secret: 'typed-secret-0001',
      expires: 'never',
      expires_date: '',
      options: '1',
      max_visits: typed,
      password: 'a new password'
    })
    t.equal(res.statusCode, 400, `${typed}: refused`)
    const row = rowHtml(res.body, id)
    t.match(
      row,
      /role="alert">Not saved: Enter the number of visits as a whole number from 1 to 1,000,000/,
      `${typed}: says why`
    )
    t.match(
      row,
      `name="max_visits" type="number" min="1" max="1000000" step="1" inputmode="numeric" value="${typed}"`,
      `${typed}: the typed limit is kept`
    )
    t.match(row, 'value="typed-secret-0001"', `${typed}: the typed secret is kept`)
    t.match(row, /name="password"[^>]*value="a new password"/, `${typed}: and the typed password`)
    t.equal(res.headers['cache-control'], 'no-store', 'a page with a typed password is not kept')
    t.same(await storedLink(o, id), before, `${typed}: nothing changed`)
  }
})
