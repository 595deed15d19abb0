import t from 'tap'
import { buildTestApp } from '../helper.ts'
import {
  albumOfKind,
  assertVisitorHeaders,
  expectedUids,
  freshClient,
  openLink,
  share,
  visit
} from './visitor-helpers.ts'

t.test('every visitor response keeps the secret out of referrers, indexes and shared caches', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder')
  const [photo] = await expectedUids(db, album)
  const single = await share(db, album, 'headers-single-01')
  const several = await share(db, album, 'headers-several-01')
  await share(db, await albumOfKind(db, 'month'), several.token)
  const cookie = await openLink(app, single.token, await openLink(app, several.token))
  const base = `/s/${single.token}/${album.uid}`
  const thumb = await visit(app, `${base}/${photo}/thumb/tile`, cookie)

  const responses = {
    'redirect on opening': await visit(app, `/s/${single.token}`),
    'list of albums': await visit(app, `/s/${several.token}`, cookie),
    'album page': await visit(app, base, cookie),
    'photo page': await visit(app, `${base}/${photo}`, cookie),
    thumbnail: thumb,
    'not modified': await visit(app, `${base}/${photo}/thumb/tile`, cookie, undefined, {
      'if-none-match': String(thumb.headers.etag)
    }),
    original: await visit(app, `${base}/${photo}/original`, cookie),
    'original range': await visit(app, `${base}/${photo}/original`, cookie, undefined, { range: 'bytes=0-9' }),
    zip: await visit(app, `${base}/download`, cookie),
    'unknown link': await visit(app, '/s/nothing-here-01', '', freshClient()),
    'unknown photo': await visit(app, `${base}/paaaaaaaaaaaaaaaa`, cookie),
    'photo without a session': await visit(app, `${base}/${photo}/original`),
    'no such route': await visit(app, `${base}/${photo}/a/b/c`, cookie),
    'HEAD of an original': await app.inject({ method: 'HEAD', url: `${base}/${photo}/original`, headers: { cookie } }),
    'power icon': await app.inject({ method: 'POST', url: '/s/logout', headers: { cookie } }),
    goodbye: await visit(app, '/s/goodbye')
  }
  const expected: Record<string, number> = {
    'redirect on opening': 303,
    'power icon': 303,
    'not modified': 304,
    'original range': 206,
    'unknown link': 404,
    'unknown photo': 404,
    'photo without a session': 404,
    'no such route': 404
  }
  for (const [what, res] of Object.entries(responses)) {
    t.equal(res.statusCode, expected[what] ?? 200, `${what}: status`)
    assertVisitorHeaders(t, res, what)
  }
  t.equal(responses.zip.headers['cache-control'], 'private, no-store')
  t.equal(responses['album page'].headers['cache-control'], 'private, no-store', 'pages are not kept at all')
  t.match(responses['album page'].body, '<meta name="referrer" content="no-referrer">')
})
