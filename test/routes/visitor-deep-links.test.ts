import t from 'tap'
import { buildTestApp, cookiesFrom } from '../helper.ts'
import * as visitor from './visitor-helpers.ts'
import { refusalScene } from './refusal-scene.ts'
import { protectedLink, SECRET, unlock } from './password-helpers.ts'

const visitsOf = async (db: Awaited<ReturnType<typeof buildTestApp>>['db'], id: number): Promise<number> =>
  (await db.selectFrom('links').select('views').where('id', '=', id).executeTakeFirstOrThrow()).views

t.test('a photo page or the map opens a link in a fresh browser, as the album page does', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await visitor.albumOfKind(db, 'state')
  const [photo, other] = await visitor.expectedUids(db, album)
  const link = await visitor.share(db, album, 'deep-photo-0001')
  const base = `/s/${link.token}/${album.uid}`

  for (const url of [`${base}/${photo}`, base, `${base}/map`, `/s/${link.token}`]) {
    const checked = await app.inject({ method: 'HEAD', url })
    t.ok([200, 303].includes(checked.statusCode), `a HEAD of ${url.slice(base.length) || url} answers as the GET would`)
    t.notOk(checked.headers['set-cookie'], 'but opens no session')
  }
  t.equal(await visitsOf(db, link.id), 0, 'and counts no visit')

  const page = await visitor.visit(app, `${base}/${photo}`)
  t.equal(page.statusCode, 200, 'the photo page opens without a session')
  t.match(page.body, `${base}/${photo}/thumb/view`, 'and shows the photo')
  const cookie = cookiesFrom(page)
  t.match(cookie, /^albumlink_visit=/, 'it starts the visitor session')
  for (const url of [
    `${base}/${photo}/thumb/view`,
    `${base}/${other}/thumb/tile`,
    `${base}/map.geojson`,
    `${base}/${photo}/original`
  ]) {
    t.equal(
      (await visitor.visit(app, url, cookie)).statusCode,
      200,
      `the session it opened serves ${url.slice(base.length)}`
    )
  }
  t.equal(await visitsOf(db, link.id), 1, 'one visit')
  t.equal((await visitor.visit(app, base, cookie)).statusCode, 200, 'the album page after it')
  t.equal(await visitsOf(db, link.id), 1, 'is the same visit')

  const map = await visitor.visit(app, `${base}/map?photo=${photo}`)
  t.equal(map.statusCode, 200, 'the map opens without a session')
  const mapCookie = cookiesFrom(map)
  t.equal(
    (await visitor.visit(app, `${base}/map.geojson`, mapCookie)).statusCode,
    200,
    'its data follows with the session it opened'
  )
  t.equal(await visitsOf(db, link.id), 2, 'another browser, another visit')

  const list = await visitor.visit(app, `/s/${link.token}`)
  t.equal(list.statusCode, 303, 'the link itself still leads to its album')
  t.equal(
    (await visitor.visit(app, `${base}/${photo}/thumb/tile`, cookiesFrom(list))).statusCode,
    200,
    'with a session'
  )
  t.equal((await visitor.visit(app, `${base}/${photo}/thumb/tile`)).statusCode, 404, 'image bytes still need a session')
})

t.test("refusals at a deep link are the unknown link's page, and open nothing", async t => {
  const { app, db, album, shown, hidden, archived, stranger, live, expiring, deleted, refuse } = await refusalScene(
    t,
    'deep-refuse'
  )
  await refuse()
  const reference = await visitor.unknownLinkBody(app)
  const at = (token: string, rest: string): string => `/s/${token}/${album.uid}${rest}`
  const cases: Array<[string, string]> = [
    ['photo of another album', at(live.token, `/${stranger}`)],
    ['private photo', at(live.token, `/${hidden}`)],
    ['archived photo', at(live.token, `/${archived}`)],
    ['unknown photo', at(live.token, '/paaaaaaaaaaaaaaaa')],
    ['expired link, photo', at(expiring.token, `/${shown}`)],
    ['expired link, map', at(expiring.token, '/map')],
    ['deleted link, photo', at(deleted.token, `/${shown}`)],
    ['deleted link, map', at(deleted.token, `/map?photo=${shown}`)],
    ['unknown link, map', at('never-shared-0002', '/map')],
    ['unknown album, map', `/s/${live.token}/aaaaaaaaaaaaaaaaa/map`]
  ]
  for (const [what, url] of cases) {
    const res = await visitor.visit(app, url, '', visitor.freshClient())
    t.equal(res.statusCode, 404, `${what}: 404`)
    t.equal(res.body, reference, `${what}: the unknown link's page, byte for byte`)
    t.notOk(res.headers['set-cookie'], `${what}: no session started`)
  }
  t.equal(await visitsOf(db, live.id), 0, 'no visitor.visit counted for a refused photo')
})

t.test('a locked link asks for its password at a deep link and returns there', async t => {
  const ctx = await protectedLink(t)
  const [photo] = await visitor.expectedUids(ctx.db, ctx.album)
  const wanted = [`${ctx.base}/${photo}`, `${ctx.base}/map?photo=${photo}`, `${ctx.base}/map`]
  for (const url of wanted) {
    const form = await visitor.visit(ctx.app, url)
    t.equal(form.statusCode, 401, `${url.slice(ctx.base.length)}: the password form`)
    t.match(form.body, 'This shared album is protected')
    t.match(
      form.body,
      `<input type="hidden" name="next" value="${url.replace('&', '&amp;')}">`,
      'which remembers the page'
    )
    t.notOk(form.headers['set-cookie'], 'no session before the password')
    const wrong = await unlock(ctx, '', 'not it', visitor.freshClient())
    t.equal(wrong.statusCode, 401)
  }
  const post = async (next: string, password = 'open sesame', client = visitor.freshClient()) =>
    await ctx.app.inject({
      method: 'POST',
      url: `${ctx.base}/unlock`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ password, next }).toString(),
      remoteAddress: client
    })
  const wrong = await post(`${ctx.base}/${photo}`, 'not it')
  t.match(wrong.body, `name="next" value="${ctx.base}/${photo}"`, 'a wrong password keeps the page to return to')
  t.equal(await visitsOf(ctx.db, ctx.link.id), 0, 'neither the form nor a wrong password is a visit')

  const right = await post(`${ctx.base}/${photo}`)
  t.equal(right.statusCode, 303)
  t.equal(right.headers.location, `${ctx.base}/${photo}`, 'the right password returns to the photo')
  const cookie = cookiesFrom(right)
  t.equal((await visitor.visit(ctx.app, `${ctx.base}/${photo}`, cookie)).statusCode, 200, 'which is open now')
  t.equal((await visitor.visit(ctx.app, `${ctx.base}/${photo}/thumb/view`, cookie)).statusCode, 200, 'with its image')
  t.equal(await visitsOf(ctx.db, ctx.link.id), 1, 'the unlock was the visit')
  t.equal(
    (await post(`${ctx.base}/map?photo=${photo}`)).headers.location,
    `${ctx.base}/map?photo=${photo}`,
    'the map, centred on its photo'
  )
  t.equal((await post(`${ctx.base}?page=2`)).headers.location, `${ctx.base}?page=2`, 'a page of the grid')

  const elsewhere = [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/albums',
    `/s/${SECRET}`,
    `/s/other-secret-0001/${ctx.album.uid}/${photo}`,
    `${ctx.base}/../../albums`,
    `${ctx.base}/%2e%2e/x`,
    `${ctx.base}//evil.example`,
    `${ctx.base}\\evil`,
    `${ctx.base}-x/${photo}`,
    `${ctx.base}/map?photo=${photo}&next=//evil`,
    `${ctx.base}/${photo}/original`,
    `${ctx.base}?page=0`,
    `${ctx.base}/${photo}?x=1`,
    ` ${ctx.base}/${photo}`
  ]
  for (const next of elsewhere) {
    const res = await post(next)
    t.equal(res.headers.location, ctx.base, `next=${next} goes to the album instead`)
  }
})
