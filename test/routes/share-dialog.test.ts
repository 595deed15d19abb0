import t from 'tap'
import { addLink, albumOfKind, manualAlbum, ownerApp, ownerGet, rowHtml, storedLink } from './share-helpers.ts'

t.test('rows show the full URL on the request host, with copy markup and a details chevron', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'state')
  const first = await addLink(o, album)
  const second = await addLink(o, album)
  const token = (await storedLink(o, first))!.token

  const res = await ownerGet(o, `/albums/${album.uid}/share`, { host: 'photos.local:2342' })
  t.equal(res.statusCode, 200)
  const row = rowHtml(res.body, first)
  t.match(
    row,
    new RegExp(
      `<input id="url-${first}" class="url" type="text" readonly value="http://photos\\.local:2342/s/${token}/${album.slug}" data-copy`
    ),
    'full URL in a read-only copy field'
  )
  t.match(row, /<span class="copied" role="status"[^>]*>/, 'a status line says "Copied"')
  t.match(
    row,
    new RegExp(
      `<a class="icon-button chevron"[^>]*aria-controls="details-${first}" aria-expanded="false" title="Link details">[\\s\\S]*<span class="sr-only">Link details</span>`
    ),
    'chevron named Link details'
  )
  t.match(row, new RegExp(`<div class="link-body" id="details-${first}" hidden>`), 'details closed by default')

  const opened = await ownerGet(o, `/albums/${album.uid}/share?open=${second}`)
  t.match(
    rowHtml(opened.body, second),
    new RegExp(`aria-expanded="true"[\\s\\S]*<div class="link-body" id="details-${second}">`),
    '?open shows that row open'
  )
  t.match(rowHtml(opened.body, first), new RegExp(`id="details-${first}" hidden>`), 'and only that row')
})

t.test('the configured public URL wins over the request host', async t => {
  const o = await ownerApp(t, { env: { ALBUMLINK_PUBLIC_URL: 'https://photos.example.org/' } })
  const album = await albumOfKind(o, 'month')
  const id = await addLink(o, album)
  const res = await ownerGet(o, `/albums/${album.uid}/share`, { host: 'evil.example.com' })
  t.match(
    rowHtml(res.body, id),
    `value="https://photos.example.org/s/${(await storedLink(o, id))!.token}/${album.slug}"`
  )
  t.notMatch(res.body, 'evil.example.com')
})

t.test('album titles are escaped in the dialog and the delete page', async t => {
  const o = await ownerApp(t)
  const album = await manualAlbum(o, '<script>alert(1)</script>')
  const id = await addLink(o, album)
  for (const url of [`/albums/${album.uid}/share`, `/albums/${album.uid}/links/${id}/delete`]) {
    const res = await ownerGet(o, url)
    t.equal(res.statusCode, 200, url)
    t.notMatch(res.body, '<script>alert(1)', `${url} has no raw script`)
    t.match(res.body, '&lt;script&gt;alert(1)&lt;/script&gt;', `${url} shows the title escaped`)
  }
})

t.test('unknown albums have no dialog', async t => {
  const o = await ownerApp(t)
  for (const url of ['/albums/azzzzzzzzzzzzzzzz/share', '/albums/azzzzzzzzzzzzzzzz/links/1/delete']) {
    t.equal((await ownerGet(o, url)).statusCode, 404, url)
  }
})
