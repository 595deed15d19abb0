import t from 'tap'
import { stat } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, cookiesFrom, csrfFrom, OWNER_PASSWORD } from '../helper.ts'

/** The owner cookie as set by a successful sign-in. */
async function ownerCookie(app: FastifyInstance) {
  const page = await app.inject({ url: '/login' })
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: cookiesFrom(page) },
    payload: { _csrf: csrfFrom(page.body), password: OWNER_PASSWORD }
  })
  const cookie = res.cookies.find(c => c.name === 'albumlink_owner')
  if (!cookie) throw new Error('no owner cookie')
  return { cookie, page }
}

t.test('owner cookies are HttpOnly and SameSite=Lax; not Secure on plain http', async t => {
  const { app } = await buildTestApp(t)
  const { cookie, page } = await ownerCookie(app)
  t.equal(cookie.httpOnly, true)
  t.equal(cookie.sameSite, 'Lax')
  t.notOk(cookie.secure, 'http://localhost still works')
  t.equal(cookie.path, '/')
  for (const c of page.cookies) t.equal(c.httpOnly, true, `${c.name} (before sign-in) is HttpOnly`)
})

t.test('on an https site every cookie is Secure', async t => {
  const { app } = await buildTestApp(t, { env: { ALBUMLINK_PUBLIC_URL: 'https://photos.example.org' } })
  const { cookie, page } = await ownerCookie(app)
  t.equal(cookie.secure, true)
  t.equal(cookie.httpOnly, true)
  t.equal(cookie.sameSite, 'Lax')
  for (const c of page.cookies) t.equal(c.secure, true, `${c.name} is Secure`)
})

t.test('the session key is created readable by the owner only', async t => {
  const { config } = await buildTestApp(t, { library: 'empty' })
  const info = await stat(config.sessionKeyFile)
  t.equal(info.mode & 0o777, 0o600)
  t.ok(info.size >= 32, 'at least 256 bits')
})
