import t from 'tap'
import { buildTestApp, signIn, ownerPost } from '../helper.ts'
import { summarizeAlbum } from '../../src/library/albums/summaries.ts'

t.test('links overview lists exactly the links, newest first, with filters, extend and delete', async t => {
  const { app, db, clock } = await buildTestApp(t)
  const s = await signIn(app)
  const state = await db.selectFrom('albums').selectAll().where('kind', '=', 'state').executeTakeFirstOrThrow()
  const month = await db.selectFrom('albums').selectAll().where('kind', '=', 'month').executeTakeFirstOrThrow()

  const empty = await app.inject({ url: '/links', headers: { cookie: s.cookie } })
  t.equal(empty.statusCode, 200)
  t.match(empty.body, 'No links yet')

  t.equal((await ownerPost(app, s, `/albums/${state.uid}/links`)).statusCode, 303)
  clock.now = new Date(clock.now.getTime() + 1000)
  t.equal((await ownerPost(app, s, `/albums/${month.uid}/links`)).statusCode, 303)
  const [older, newer] = await db.selectFrom('links').selectAll().orderBy('id').execute()
  await db
    .updateTable('links')
    .set({ created_at: new Date(Date.now() + 5000).toISOString() })
    .where('id', '=', newer.id)
    .execute()
  await db
    .updateTable('links')
    .set({ expires_at: new Date(clock.now.getTime() - 60_000).toISOString(), password_hash: 'scrypt$x' })
    .where('id', '=', older.id)
    .execute()

  const all = await app.inject({ url: '/links', headers: { cookie: s.cookie } })
  t.ok(all.body.indexOf(newer.token) < all.body.indexOf(older.token), 'newest first')
  t.match(all.body, `/s/${older.token}/${state.slug}`)
  t.match(all.body, 'Expired')
  t.match(all.body, 'Password protected')
  for (const album of [state, month]) {
    const cover = (await summarizeAlbum(db, album, 'owner')).cover!
    t.match(all.body, `<img src="/media/thumb/${cover.uid}/tile"`, `the ${album.kind} row shows its album's cover`)
  }

  const active = await app.inject({ url: '/links?state=active', headers: { cookie: s.cookie } })
  t.notMatch(active.body, older.token)
  t.match(active.body, newer.token)
  const expired = await app.inject({ url: '/links?state=expired', headers: { cookie: s.cookie } })
  t.match(expired.body, older.token)
  t.notMatch(expired.body, newer.token)
  const states = await app.inject({ url: '/links?kind=state', headers: { cookie: s.cookie } })
  t.match(states.body, older.token)
  t.notMatch(states.body, newer.token)
  t.equal((await app.inject({ url: '/links?kind=bogus', headers: { cookie: s.cookie } })).statusCode, 400)

  t.equal((await ownerPost(app, s, `/links/${older.id}/extend`, { expires: '1w' })).statusCode, 303)
  const extended = await db.selectFrom('links').selectAll().where('id', '=', older.id).executeTakeFirstOrThrow()
  t.ok(extended.expires_at && extended.expires_at > clock.now.toISOString(), 'extended into the future')
  t.equal(extended.token, older.token, 'secret unchanged')

  t.equal((await ownerPost(app, s, `/links/${older.id}/delete`, {})).statusCode, 303)
  t.equal((await db.selectFrom('links').select('id').execute()).length, 1)
  t.equal((await ownerPost(app, s, `/links/${older.id}/delete`, {})).statusCode, 404)

  const forged = await app.inject({
    method: 'POST',
    url: `/links/${newer.id}/delete`,
    headers: { cookie: s.cookie },
    payload: { _csrf: 'wrong' }
  })
  t.equal(forged.statusCode, 403)
  t.equal((await db.selectFrom('links').select('id').execute()).length, 1, 'CSRF refusal deletes nothing')
  t.equal((await app.inject({ url: '/links' })).statusCode, 302, 'owner only')
})
