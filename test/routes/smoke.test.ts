import t from 'tap'
import { buildTestApp, signIn } from '../helper.ts'

t.test('owner pages render on the demo library', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  for (const url of ['/albums', '/moments', '/calendar', '/states', '/folders', '/photos', '/archive']) {
    const res = await app.inject({ url, headers: { cookie: session.cookie } })
    t.equal(res.statusCode, 200, url)
  }
  const album = await db.selectFrom('albums').selectAll().where('kind', '=', 'state').executeTakeFirstOrThrow()
  const page = await app.inject({ url: `/albums/${album.uid}`, headers: { cookie: session.cookie } })
  t.equal(page.statusCode, 200)
  t.match(page.body, album.title)
})
