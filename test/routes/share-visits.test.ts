import t from 'tap'
import { cookiesFrom } from '../helper.ts'
import { addLink, albumOfKind, ownerApp, ownerGet, rowHtml, saveLink, storedLink } from './share-helpers.ts'

t.test('every row shows created date, expiry and visits; a browser session counts once', async t => {
  const o = await ownerApp(t)
  o.clock.now = new Date('2025-01-31T10:00:00.000Z')
  const album = await albumOfKind(o, 'month')
  const id = await addLink(o, album)
  const other = await addLink(o, album)
  await saveLink(o, album, (await storedLink(o, other))!, { expires: 'custom', expires_date: '2025-02-07' })
  const { token } = (await storedLink(o, id))!
  t.equal((await storedLink(o, id))!.created_at, '2025-01-31T10:00:00.000Z', 'created on the app clock')

  let page = (await ownerGet(o, `/albums/${album.uid}/share`)).body
  t.match(rowHtml(page, id), 'Created 31 January 2025 · 0 visits · never expires')
  t.match(rowHtml(page, other), 'Created 31 January 2025 · 0 visits · expires 7 February 2025, 23:59 UTC')

  const first = await o.app.inject({ url: `/s/${token}` })
  t.equal(first.statusCode, 303)
  const visitor = cookiesFrom(first)
  for (const url of [`/s/${token}`, `/s/${token}/${album.slug}`, `/s/${token.toUpperCase()}`]) {
    await o.app.inject({ url, headers: { cookie: visitor } })
  }
  t.equal((await storedLink(o, id))!.views, 1, 'the same browser counts once')
  await o.app.inject({ url: `/s/${token}/${album.slug}` })
  t.equal((await storedLink(o, id))!.views, 2, 'another browser counts again')
  await o.app.inject({ url: '/s/not-a-link-at-all' })
  t.equal((await storedLink(o, other))!.views, 0, 'other links are not counted')

  page = (await ownerGet(o, `/albums/${album.uid}/share`)).body
  t.match(rowHtml(page, id), '· 2 visits ·')
})
