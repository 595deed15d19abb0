import t from 'tap'
import { openedShare, visit } from './visitor-helpers.ts'

t.test('thumbnails revalidate on every use, so revocation is never hidden by a cache', async t => {
  const { app, db, album, photo, link, cookie } = await openedShare(t, 'state', 'thumbs-0001')

  for (const size of ['tile', 'view']) {
    const url = `/s/${link.token}/${album.uid}/${photo}/thumb/${size}`
    const res = await visit(app, url, cookie)
    t.equal(res.statusCode, 200, size)
    t.equal(res.headers['content-type'], 'image/webp')
    t.equal(res.headers['cache-control'], 'private, no-cache', 'a browser may keep it but must ask again')
    t.ok(res.headers.etag, 'with a validator')
    t.equal(Number(res.headers['content-length']), res.rawPayload.length)
    t.equal(res.rawPayload.subarray(8, 12).toString(), 'WEBP')

    const again = await visit(app, url, cookie, undefined, { 'if-none-match': String(res.headers.etag) })
    t.equal(again.statusCode, 304, 'unchanged thumbnail of a live link: 304')
    t.equal(again.rawPayload.length, 0)
    t.match(again.headers['cache-control'], /^private/)
  }

  const url = `/s/${link.token}/${album.uid}/${photo}/thumb/tile`
  const { headers } = await visit(app, url, cookie)
  await db.deleteFrom('links').where('id', '=', link.id).execute()
  const revoked = await visit(app, url, cookie, undefined, {
    'if-none-match': String(headers.etag),
    'if-modified-since': String(headers['last-modified'])
  })
  t.equal(revoked.statusCode, 404, 'after revocation the same conditional request is a 404, not a 304')
  t.match(revoked.headers['content-type'], /^text\/html/)
})
