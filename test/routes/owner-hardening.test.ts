import t from 'tap'
import { buildTestApp, cookiesFrom, csrfFrom, ownerPost, signIn, OWNER_PASSWORD } from '../helper.ts'
import { assertNoStack, ownerGet } from './owner-helpers.ts'

t.test('no next= variant sends a signed-in owner to another origin', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  const session = await signIn(app)
  const variants = [
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/%2e//evil.example/x',
    '/./\\evil.example',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/%2e%2e//evil.example',
    'https://evil.example/',
    '/./%5c/evil.example'
  ]
  for (const next of variants) {
    const res = await ownerGet(app, session, `/login?next=${encodeURIComponent(next)}`)
    const location = String(res.headers.location)
    t.ok(
      location.startsWith('/') &&
        !/^[/\\]{2}/.test(location) &&
        new URL(location, 'http://here.test').host === 'here.test',
      `${JSON.stringify(next)} → ${location}`
    )
  }
  t.equal(
    (await ownerGet(app, session, '/login?next=%2Falbums%3Fpage%3D2')).headers.location,
    '/albums?page=2',
    'a real path is kept'
  )
})

t.test('one password check at a time, server-wide: the rest get 429 at once', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  const page = await app.inject({ url: '/login' })
  const cookie = cookiesFrom(page)
  const csrf = csrfFrom(page.body)
  const attempt = async (i: number, password = `wrong-${i}`) =>
    await app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: `198.51.100.${i + 1}`,
      headers: { cookie },
      payload: { _csrf: csrf, password }
    })
  const flood = await Promise.all(Array.from({ length: 16 }, async (_, i) => await attempt(i)))
  const statuses = flood.map(r => r.statusCode)
  t.equal(statuses.filter(s => s === 401).length, 1, 'one check ran')
  t.equal(statuses.filter(s => s === 429).length, 15, 'the rest were refused without hashing')
  const busy = flood.find(r => r.statusCode === 429)
  t.match(busy?.body, 'busy', 'with a page that says why')
  t.ok(Number(busy?.headers['retry-after']) > 0)
  const forged = await app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: '198.51.100.60',
    headers: { cookie },
    payload: { password: 'x' }
  })
  t.equal(forged.statusCode, 403, 'a post without the form token is refused…')
  t.equal(
    (await attempt(40, OWNER_PASSWORD)).statusCode,
    303,
    '…and leaves the gate open: when the flood has passed, the owner signs in'
  )
})

t.test('every owner 404 has a rendered body', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const album = await db.selectFrom('albums').select('uid').where('kind', '=', 'state').executeTakeFirstOrThrow()
  const gets = [
    '/albums/nosuchalbum',
    '/albums/nosuchalbum/share',
    '/albums/nosuchalbum/edit',
    '/albums/nosuchalbum/map',
    `/albums/${album.uid}/links/99999/delete`,
    `/albums/${album.uid}/edit`,
    '/photos/nosuchphoto',
    '/media/thumb/nosuchphoto/tile',
    '/media/original/nosuchphoto',
    '/albums/nosuchalbum/download',
    '/media/video/nosuchphoto',
    '/links/99999/qr.svg',
    '/links/99999/qr.png'
  ]
  for (const url of gets) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 404, `GET ${url}`)
    t.match(res.body, 'Page not found', `GET ${url} has a body`)
  }
  const posts = [
    `/albums/${album.uid}/links/99999`,
    `/albums/${album.uid}/links/99999/delete`,
    '/albums/nosuchalbum/links',
    '/links/99999/extend',
    '/links/99999/delete',
    '/albums/nosuchalbum/delete',
    '/photos/nosuchphoto/private'
  ]
  for (const url of posts) {
    const res = await ownerPost(app, session, url, { secret: 'some-secret-1', expires: 'never', value: '1' })
    t.equal(res.statusCode, 404, `POST ${url}`)
    t.match(res.body, 'Page not found', `POST ${url} has a body`)
    assertNoStack(t, res.body)
  }
})

t.test('error pages show the owner navigation only to a live owner session', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  const session = await signIn(app)
  t.match((await ownerGet(app, session, '/no/such/page')).body, 'class="sidenav"')
  const signedOut = await ownerPost(app, session, '/logout')
  t.equal(signedOut.statusCode, 303)
  const stale = await ownerGet(app, session, '/no/such/page')
  t.equal(stale.statusCode, 404)
  t.notMatch(stale.body, 'class="sidenav"', 'a signed-out copy of the cookie gets nothing of the library')
})

t.test('anonymous /healthz tells only whether it is up and indexing', async t => {
  const { app } = await buildTestApp(t)
  t.same((await app.inject({ url: '/healthz' })).json(), { ok: true, indexing: false })
  const session = await signIn(app)
  t.same(
    (await ownerGet(app, session, '/healthz')).json(),
    { ok: true, indexing: false, photos: 63, videosToPrepare: { running: false, done: 0, total: 0, failed: 0 } },
    'the owner also sees the count'
  )
})

t.test('request, header and keep-alive timeouts are set', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  t.equal(app.server.requestTimeout, 30_000)
  t.equal(app.server.headersTimeout, 10_000)
  t.equal(app.server.keepAliveTimeout, 72_000)
  t.equal(app.server.timeout, 120_000)
})
