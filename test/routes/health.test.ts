import t from 'tap'
import { buildTestApp, signIn } from '../helper.ts'

t.test('health, home and sign-in page on the demo library', async t => {
  const { app } = await buildTestApp(t)

  const health = await app.inject({ url: '/healthz' })
  t.equal(health.statusCode, 200)
  t.match(health.headers['content-type'], /^application\/json/)
  t.same(health.json(), { ok: true, indexing: false }, 'anonymous: no counts')
  const { cookie } = await signIn(app)
  t.same(
    (await app.inject({ url: '/healthz', headers: { cookie } })).json(),
    { ok: true, indexing: false, photos: 63, videosToPrepare: { running: false, done: 0, total: 0, failed: 0 } },
    'the owner gets the count'
  )

  const home = await app.inject({ url: '/' })
  t.equal(home.statusCode, 302)
  t.equal(home.headers.location, '/login')

  const login = await app.inject({ url: '/login' })
  t.equal(login.statusCode, 200)
  t.match(login.headers['content-type'], /^text\/html/)
  t.match(login.body, /<form[^>]+method="post"/i)
  t.match(login.body, /name="password"/)
})

t.test('/healthz says when an index is running and counts only readable, unarchived photos', async t => {
  const { app, db } = await buildTestApp(t)
  let finish = (): void => {}
  const running = app.indexState.track(async () => {
    await new Promise<void>(resolve => {
      finish = resolve
    })
  })
  t.match((await app.inject({ url: '/healthz' })).json(), { indexing: true })
  finish()
  await running
  t.match((await app.inject({ url: '/healthz' })).json(), { indexing: false })

  const [a, b, c] = await db.selectFrom('photos').select('id').limit(3).execute()
  await db.updateTable('photos').set({ archived: 1 }).where('id', '=', a.id).execute()
  await db.updateTable('photos').set({ missing: 1 }).where('id', '=', b.id).execute()
  await db.updateTable('photos').set({ error: 'cannot decode image' }).where('id', '=', c.id).execute()
  const { cookie } = await signIn(app)
  t.match((await app.inject({ url: '/healthz', headers: { cookie } })).json(), { ok: true, photos: 60 })
})

t.test('/healthz on an empty library', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  const { cookie } = await signIn(app)
  t.same((await app.inject({ url: '/healthz', headers: { cookie } })).json(), {
    ok: true,
    indexing: false,
    photos: 0,
    videosToPrepare: { running: false, done: 0, total: 0, failed: 0 }
  })
})
