import t from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { assertNoStack, ownerGet } from './owner-helpers.ts'

t.test('an unknown URL is a 404 page in the app’s style', async t => {
  const { app } = await buildTestApp(t)
  const anonymous = await app.inject({ url: '/no/such/page' })
  t.equal(anonymous.statusCode, 404)
  t.match(anonymous.headers['content-type'], /text\/html/)
  t.match(anonymous.body, '<link rel="stylesheet" href="/static/css/app.css">')
  t.match(anonymous.body, 'Page not found')
  t.notMatch(anonymous.body, 'class="sidenav"', 'nothing of the library for strangers')
  assertNoStack(t, anonymous.body)

  const session = await signIn(app)
  const owner = await ownerGet(app, session, '/no/such/page')
  t.equal(owner.statusCode, 404)
  t.match(owner.body, 'class="sidenav"', 'the owner keeps the navigation')
  t.match(owner.body, 'href="/albums"')
  const token = /action="\/logout"[\s\S]*?name="_csrf" value="([^"]*)"/.exec(owner.body)?.[1]
  t.ok(token && token !== 'undefined', 'sign-out works from an error page')
  const logout = await app.inject({
    method: 'POST',
    url: '/logout',
    headers: { cookie: session.cookie },
    payload: { _csrf: token }
  })
  t.equal(logout.statusCode, 303)
})

t.test('no stack trace anywhere, whatever goes wrong', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const photo = await db.selectFrom('photos').select('uid').executeTakeFirstOrThrow()
  /** A body of any type posted to the album form. */
  const postAlbums = async (type: string, payload: string): Promise<LightMyRequestResponse> =>
    await app.inject({
      method: 'POST',
      url: '/albums',
      headers: { cookie: session.cookie, 'content-type': type },
      payload
    })
  const cases: Array<[string, () => Promise<LightMyRequestResponse>, number]> = [
    ['bad query', async () => await ownerGet(app, session, '/photos?page=x'), 400],
    ['bad path id', async () => await ownerGet(app, session, '/albums/..%2f'), 404],
    ['bad form', async () => await ownerPost(app, session, `/photos/${photo.uid}/private`, { value: 'x' }), 400],
    ['JSON body', async () => await postAlbums('application/json', '{"title":'), 400],
    ['text body', async () => await postAlbums('text/plain', 'x'), 403],
    ['unknown body type', async () => await postAlbums('image/png', 'x'), 415],
    [
      'huge form',
      async () => await ownerPost(app, session, '/albums', { title: 'x', description: 'y'.repeat(200_000) }),
      413
    ],
    [
      'method',
      async () => await app.inject({ method: 'DELETE', url: '/albums', headers: { cookie: session.cookie } }),
      404
    ]
  ]
  for (const [what, send, status] of cases) {
    const res = await send()
    t.equal(res.statusCode, status, what)
    t.match(res.headers['content-type'], /text\/html/, `${what}: a page`)
    assertNoStack(t, res.body, `${what}: no stack trace`)
  }
  t.equal(
    (await db.selectFrom('albums').select('id').where('kind', '=', 'album').execute()).length,
    0,
    'no album came of it'
  )
})

t.test('a failing handler is a 500 page that says nothing about the code', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  await db.schema.alterTable('links').renameTo('links_gone').execute()
  const res = await ownerGet(app, session, '/albums')
  t.equal(res.statusCode, 500)
  t.match(res.body, 'Something went wrong')
  t.notMatch(res.body, /SQLITE|no such table|relation|does not exist/i)
  assertNoStack(t, res.body)
})
