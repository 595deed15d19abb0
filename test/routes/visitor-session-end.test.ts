import t from 'tap'
import { cookiesFrom } from '../helper.ts'
import { openedShare, unknownLinkBody, visit } from './visitor-helpers.ts'
import { everyContentRoute, protectedLink, unlock } from './password-helpers.ts'

const powerIcon = async (app: Parameters<typeof visit>[0], cookie: string) =>
  await app.inject({ method: 'POST', url: '/s/logout', headers: { cookie } })

t.test('a saved copy of the visitor cookie is worth nothing after the power icon', async t => {
  const { app, album, photo, link, cookie: saved } = await openedShare(t, 'folder', 'replayed-0001')
  const base = `/s/${link.token}/${album.uid}`
  const urls = [
    `${base}/${photo}`,
    `${base}/${photo}/thumb/tile`,
    `${base}/${photo}/thumb/view`,
    `${base}/${photo}/original`,
    `${base}/download`,
    `${base}/map`,
    `${base}/map.geojson`
  ]
  for (const url of urls) t.equal((await visit(app, url, saved)).statusCode, 200, `before: ${url}`)
  t.equal((await powerIcon(app, saved)).statusCode, 303)
  const invalid = await unknownLinkBody(app)
  for (const url of urls) {
    const replayed = await visit(app, url, saved)
    t.equal(replayed.statusCode, 404, `replayed cookie: ${url}`)
    t.equal(replayed.body, invalid, `replayed cookie: ${url} answers like an unknown link`)
  }
  const reopened = cookiesFrom(await visit(app, base, saved), saved)
  t.equal((await visit(app, urls[1], reopened)).statusCode, 200, 'opening the link again starts a new session')
  t.equal((await visit(app, urls[1], saved)).statusCode, 404, 'the old copy stays dead')
})

t.test('an unlocked password link is locked again for a replayed cookie', async t => {
  const ctx = await protectedLink(t)
  const unlocked = cookiesFrom(await unlock(ctx, cookiesFrom(await visit(ctx.app, ctx.base)), 'open sesame'))
  await everyContentRoute(t, ctx, unlocked, 'served', 'unlocked')
  await powerIcon(ctx.app, unlocked)
  const page = await visit(ctx.app, ctx.base, unlocked)
  t.equal(page.statusCode, 401, 'the album asks for the password again')
  t.match(page.body, 'This shared album is protected')
  await everyContentRoute(t, ctx, unlocked, 'refused', 'replayed after the power icon')
})

t.test('an unlock lasts 24 hours', async t => {
  const ctx = await protectedLink(t)
  const cookie = cookiesFrom(await unlock(ctx, cookiesFrom(await visit(ctx.app, ctx.base)), 'open sesame'))
  ctx.clock.now = new Date(ctx.clock.now.getTime() + 23 * 3600_000)
  t.equal((await visit(ctx.app, ctx.base, cookie)).statusCode, 200, 'after 23 hours still open')
  ctx.clock.now = new Date(ctx.clock.now.getTime() + 3600_000 + 1000)
  t.equal((await visit(ctx.app, ctx.base, cookie)).statusCode, 401, 'after 24 hours the password is asked again')
  await everyContentRoute(t, ctx, cookie, 'locked', 'unlock expired')
})

t.test('ended session ids are kept only until their cookie would have expired', async t => {
  const { app, db, link, album, clock } = await openedShare(t, 'state', 'ended-rows-0001')
  const open = async (): Promise<string> => cookiesFrom(await visit(app, `/s/${link.token}/${album.uid}`))
  await powerIcon(app, await open())
  await powerIcon(app, await open())
  t.equal((await db.selectFrom('ended_visitor_sessions').selectAll().execute()).length, 2)
  clock.now = new Date(clock.now.getTime() + 31 * 24 * 3600_000)
  await powerIcon(app, await open())
  t.equal((await db.selectFrom('ended_visitor_sessions').selectAll().execute()).length, 1, 'old rows are cleaned up')
})
