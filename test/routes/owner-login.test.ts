import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, cookiesFrom, csrfFrom, OWNER_PASSWORD, signIn } from '../helper.ts'
import { assertNoStack } from './owner-helpers.ts'

/** One login form submission from a fresh browser; `fields` replace the defaults (undefined removes one). */
async function tryLogin(app: FastifyInstance, fields: Record<string, string | undefined>) {
  const page = await app.inject({ url: '/login' })
  const cookie = cookiesFrom(page)
  const payload = Object.fromEntries(
    Object.entries({ _csrf: csrfFrom(page.body), next: '/albums', ...fields }).filter(
      (e): e is [string, string] => e[1] !== undefined
    )
  )
  const res = await app.inject({ method: 'POST', url: '/login', headers: { cookie }, payload })
  return { res, cookie: cookiesFrom(res, cookie) }
}

t.test('a wrong password gets 401 and one clear message, whatever was wrong', async t => {
  const { app } = await buildTestApp(t)
  for (const password of ['wrong-password', '', OWNER_PASSWORD.toUpperCase(), ` ${OWNER_PASSWORD}`, undefined]) {
    const { res, cookie } = await tryLogin(app, { password })
    t.equal(res.statusCode, 401, `password ${JSON.stringify(password)}`)
    t.match(res.body, 'That password is not right.')
    t.match(res.body, /name="_csrf" value="[^"]+"/, 'the form can be sent again')
    const albums = await app.inject({ url: '/albums', headers: { cookie } })
    t.equal(albums.statusCode, 302, 'not signed in')
  }
})

t.test('sign-in attempts are rate-limited per client', async t => {
  const { app } = await buildTestApp(t)
  for (let i = 0; i < 10; i++) {
    const { res } = await tryLogin(app, { password: `guess-${i}` })
    t.equal(res.statusCode, 401)
  }
  const { res } = await tryLogin(app, { password: OWNER_PASSWORD })
  t.equal(res.statusCode, 429, 'the eleventh attempt in a minute is refused, even with the right password')
  t.match(res.headers['content-type'], /text\/html/)
  t.match(res.body, /Too many attempts/)
  t.match(res.body, /Wait a minute/)
  assertNoStack(t, res.body)
  t.notOk(
    res.cookies.some(c => c.name === 'albumlink_owner' && c.value),
    'no owner session'
  )
})

t.test('next never leads off-site', async t => {
  const { app } = await buildTestApp(t)
  const offsite = [
    '//evil.com',
    '/\\evil.com',
    'https://evil.com/albums',
    '/\t/evil.com',
    'javascript:alert(1)',
    'evil.com'
  ]
  for (const next of offsite) {
    const { res } = await tryLogin(app, { password: OWNER_PASSWORD, next })
    t.equal(res.statusCode, 303, JSON.stringify(next))
    t.equal(res.headers.location, '/albums', `${JSON.stringify(next)} → /albums`)
    const page = await app.inject({ url: `/login?next=${encodeURIComponent(next)}` })
    t.match(page.body, 'name="next" value="/albums"', `login form for ${JSON.stringify(next)}`)
  }
  const { res } = await tryLogin(app, { password: OWNER_PASSWORD, next: '/albums/abc?page=2' })
  t.equal(res.headers.location, '/albums/abc?page=2', 'a local next is kept')
  const twice = await app.inject({ url: '/login?next=/a&next=/b' })
  t.equal(twice.statusCode, 200, 'a repeated next is not a crash')
})

t.test('a signed-in owner opening /login goes to next', async t => {
  const { app } = await buildTestApp(t)
  const session = await signIn(app)
  const res = await app.inject({ url: '/login?next=//evil.com', headers: { cookie: session.cookie } })
  t.equal(res.headers.location, '/albums')
  const root = await app.inject({ url: '/', headers: { cookie: session.cookie } })
  t.equal(root.headers.location, '/albums')
})

t.test('/logout ends the session', async t => {
  const { app } = await buildTestApp(t)
  const session = await signIn(app)
  const noToken = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: session.cookie }, payload: {} })
  t.equal(noToken.statusCode, 403, 'logging out needs the CSRF token too')
  const res = await app.inject({
    method: 'POST',
    url: '/logout',
    headers: { cookie: session.cookie },
    payload: { _csrf: session.csrf }
  })
  t.equal(res.statusCode, 303)
  t.equal(res.headers.location, '/login')
  const cookie = cookiesFrom(res, session.cookie)
  const albums = await app.inject({ url: '/albums', headers: { cookie } })
  t.equal(albums.statusCode, 302)
  t.match(albums.headers.location, /^\/login/)
})
