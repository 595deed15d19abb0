import t from 'tap'
import { ownerPost, cookiesFrom } from '../helper.ts'
import { freshClient, visit } from './visitor-helpers.ts'
import { everyContentRoute, protectedLink, saveLink, SECRET, unlock } from './password-helpers.ts'

t.test('a protected link shows a password page and refuses every content route until unlocked', async t => {
  const ctx = await protectedLink(t)
  const stored = await ctx.db.selectFrom('links').selectAll().where('id', '=', ctx.link.id).executeTakeFirstOrThrow()
  t.match(stored.password_hash, /^scrypt\$/, 'only a hash is stored')
  t.notMatch(stored.password_hash, 'open sesame')

  const page = await visit(ctx.app, ctx.base)
  t.equal(page.statusCode, 401)
  t.match(page.body, 'This shared album is protected')
  t.notMatch(page.body, '/thumb/', 'no photo of the album on the password page')
  const cookie = cookiesFrom(page)
  await everyContentRoute(t, ctx, cookie, 'locked', 'locked')

  const wrong = await unlock(ctx, cookie, 'not it')
  t.equal(wrong.statusCode, 401)
  t.match(wrong.body, 'That password is not right.')
  await everyContentRoute(t, ctx, cookiesFrom(wrong, cookie), 'locked', 'wrong password')

  const right = await unlock(ctx, cookie, 'open sesame')
  t.equal(right.statusCode, 303)
  const unlocked = cookiesFrom(right, cookie)
  t.equal((await visit(ctx.app, ctx.base, unlocked)).statusCode, 200, 'album page after unlock')
  await everyContentRoute(t, ctx, unlocked, 'served', 'unlocked')

  const list = await visit(ctx.app, `/s/${SECRET}`, cookie)
  t.equal(list.statusCode, 303, 'one album: straight to it')
})

t.test('changing or removing the password, or deleting the link, revokes unlocks', async t => {
  const ctx = await protectedLink(t)
  const open = async (): Promise<string> => {
    const first = cookiesFrom(await visit(ctx.app, ctx.base))
    return cookiesFrom(await unlock(ctx, first, 'open sesame'), first)
  }
  let cookie = await open()
  await everyContentRoute(t, ctx, cookie, 'served', 'unlocked')
  t.equal((await saveLink(ctx, { password: 'new secret words' })).statusCode, 303)
  await everyContentRoute(t, ctx, cookie, 'locked', 'password changed after unlock')
  t.equal((await unlock(ctx, cookie, 'open sesame')).statusCode, 401, 'the old password no longer works')

  const relock = cookiesFrom(await unlock(ctx, cookie, 'new secret words'), cookie)
  await everyContentRoute(t, ctx, relock, 'served', 'unlocked with the new password')
  t.equal((await saveLink(ctx, { remove_password: '1' })).statusCode, 303)
  const removed = await ctx.db.selectFrom('links').selectAll().where('id', '=', ctx.link.id).executeTakeFirstOrThrow()
  t.equal(removed.password_hash, null, 'password removed')
  await everyContentRoute(t, ctx, relock, 'served', 'no password any more')

  await saveLink(ctx, { password: 'third password' })
  cookie = cookiesFrom(await unlock(ctx, cookiesFrom(await visit(ctx.app, ctx.base)), 'third password'))
  t.equal(
    (await ownerPost(ctx.app, ctx.session, `/albums/${ctx.album.uid}/links/${ctx.link.id}/delete`)).statusCode,
    303
  )
  await everyContentRoute(t, ctx, cookie, 'refused', 'link deleted after unlock')
})

t.test('password attempts are limited per client and link, with a friendly 429', async t => {
  const ctx = await protectedLink(t)
  const cookie = cookiesFrom(await visit(ctx.app, ctx.base))
  const client = freshClient()
  for (let i = 0; i < 5; i++) t.equal((await unlock(ctx, cookie, `guess ${i}`, client)).statusCode, 401)
  const limited = await unlock(ctx, cookie, 'open sesame', client)
  t.equal(limited.statusCode, 429, 'even the right password waits once the limit is reached')
  t.match(limited.body, 'Too many wrong passwords')
  t.equal((await unlock(ctx, cookie, 'open sesame', freshClient())).statusCode, 303, 'another client is not blocked')
})

t.test('a too-short password is refused inline and nothing changes', async t => {
  const ctx = await protectedLink(t)
  const before = await ctx.db.selectFrom('links').selectAll().where('id', '=', ctx.link.id).executeTakeFirstOrThrow()
  const res = await saveLink(ctx, { password: 'abc' })
  t.equal(res.statusCode, 400)
  t.match(res.body, 'Not saved: A link password has 8 to 200 characters.')
  t.same(await ctx.db.selectFrom('links').selectAll().where('id', '=', ctx.link.id).executeTakeFirstOrThrow(), before)
  const dialog = await ctx.app.inject({
    url: `/albums/${ctx.album.uid}/share`,
    headers: { cookie: ctx.session.cookie }
  })
  t.match(dialog.body, 'Password protected', 'the dialog marks protected links')
  t.notMatch(dialog.body, 'open sesame')
})
