import t from 'tap'
import { buildTestApp, signIn, ownerPost } from '../helper.ts'
import { setOwnerPassword } from '../../src/library/owner-account.ts'

t.test('signing out ends every copy of the owner cookie', async t => {
  const { app } = await buildTestApp(t)
  const first = await signIn(app)
  const copy = first.cookie
  t.equal((await app.inject({ url: '/albums', headers: { cookie: copy } })).statusCode, 200)
  t.equal((await ownerPost(app, first, '/logout')).statusCode, 303)
  const replay = await app.inject({ url: '/albums', headers: { cookie: copy } })
  t.equal(replay.statusCode, 302, 'a copied cookie no longer opens owner pages')
  t.match(String(replay.headers.location), /^\/login/)
  const again = await signIn(app)
  t.equal(
    (await app.inject({ url: '/albums', headers: { cookie: again.cookie } })).statusCode,
    200,
    'signing in again works'
  )
})

t.test('changing the owner password ends existing sessions', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  await setOwnerPassword(db, 'a-new-password-123')
  t.equal((await app.inject({ url: '/albums', headers: { cookie: session.cookie } })).statusCode, 302)
  const forged = await ownerPost(app, session, '/albums', { title: 'Should not exist', description: '' })
  t.equal(forged.statusCode, 401)
  t.equal((await db.selectFrom('albums').select('id').where('title', '=', 'Should not exist').execute()).length, 0)
})
