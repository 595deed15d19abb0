import t from 'tap'
import { buildTestApp, cookiesFrom } from '../helper.ts'
import { MAX_TOKENS } from '../../src/sharing/visitor-session.ts'
import { albumOfKind, expectedUids, openLink, openedShare, share, visit } from './visitor-helpers.ts'

t.test('ending the session closes every shared album until the link is opened again', async t => {
  const { app, album, photo, link, cookie: opened } = await openedShare(t, 'folder', 'logout-0001')
  let cookie = opened
  const urls = ['thumb/tile', 'thumb/view', 'original'].map(s => `/s/${link.token}/${album.uid}/${photo}/${s}`)
  for (const url of urls) t.equal((await visit(app, url, cookie)).statusCode, 200, `open: ${url}`)

  const page = await visit(app, `/s/${link.token}/${album.uid}`, cookie)
  t.match(page.body, /<form method="post" action="\/s\/logout"/, 'the album page has the power button')
  const bye = await app.inject({ method: 'POST', url: '/s/logout', headers: { cookie } })
  t.equal(bye.statusCode, 303, 'the power icon redirects, so a reload does not post again')
  t.equal(bye.headers.location, '/s/goodbye')
  const goodbye = await visit(app, '/s/goodbye', cookiesFrom(bye, cookie))
  t.equal(goodbye.statusCode, 200)
  t.match(goodbye.body, 'You have left the shared album')
  t.notMatch(goodbye.body, link.token, 'the goodbye page does not repeat the secret')
  const cleared = bye.cookies.find(c => c.name === 'albumlink_visit')
  t.ok(
    cleared && (cleared.value === '' || (cleared.expires && cleared.expires.getTime() < Date.now())),
    'the visitor cookie is cleared'
  )
  cookie = cookiesFrom(bye, cookie)

  for (const url of urls) t.equal((await visit(app, url, cookie)).statusCode, 404, `after logout: ${url}`)
  cookie = await openLink(app, link.token, cookie)
  for (const url of urls) t.equal((await visit(app, url, cookie)).statusCode, 200, `opened again: ${url}`)
})

t.test(`the visitor session holds at most ${MAX_TOKENS} links; the least recently opened drops out`, async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  const [photo] = await expectedUids(db, album)
  const tokens = Array.from({ length: MAX_TOKENS + 2 }, (_, i) => `many-links-${String(i).padStart(4, '0')}`)
  for (const token of tokens) await share(db, album, token)
  const thumb = async (token: string, cookie: string): Promise<number> =>
    (await visit(app, `/s/${token}/${album.uid}/${photo}/thumb/tile`, cookie)).statusCode

  let cookie = ''
  for (const token of tokens.slice(0, MAX_TOKENS)) cookie = await openLink(app, token, cookie)
  for (const token of tokens.slice(0, MAX_TOKENS)) t.equal(await thumb(token, cookie), 200, `${token} held`)
  cookie = await openLink(app, tokens[0], cookie)
  cookie = await openLink(app, tokens[MAX_TOKENS], cookie)
  t.equal(await thumb(tokens[1], cookie), 404, 'the least recently opened link dropped out')
  t.equal(await thumb(tokens[0], cookie), 200, 'a link opened again counts as recent')
  t.equal(await thumb(tokens[MAX_TOKENS], cookie), 200, 'the newest is held')
  cookie = await openLink(app, tokens[MAX_TOKENS + 1], cookie)
  t.equal(await thumb(tokens[2], cookie), 404, 'then the next oldest')
  const views = await db.selectFrom('links').select('views').where('token', '=', tokens[0]).executeTakeFirstOrThrow()
  t.equal(views.views, 1, 'opening a held link again is not another visit')
})
