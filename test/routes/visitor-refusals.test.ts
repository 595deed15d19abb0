import t from 'tap'
import { buildTestApp } from '../helper.ts'
import * as visitor from './visitor-helpers.ts'
import { refusalScene } from './refusal-scene.ts'

const HOUR = 3600_000

const albumUrls = (token: string, album: string): string[] => [`/s/${token}/${album}`, `/s/${token}/${album}/download`]
const photoUrls = (token: string, album: string, photo: string): string[] =>
  ['', '/thumb/tile', '/thumb/view', '/original'].map(suffix => `/s/${token}/${album}/${photo}${suffix}`)

t.test('every visitor route refuses a bad link or photo exactly like an unknown link', async t => {
  const { app, db, album, shown, hidden, archived, stranger, live, expiring, deleted, refuse } = await refusalScene(
    t,
    'refuse-0001'
  )
  const other = await visitor.albumOfKind(db, 'folder', 1)
  const otherLink = await visitor.share(db, other, 'refuse-other-0001')
  let cookie = ''
  for (const link of [live, expiring, deleted, otherLink]) cookie = await visitor.openLink(app, link.token, cookie)

  t.test('the live link works on every route (the refusals below are not trivial)', async t => {
    for (const url of [...albumUrls(live.token, album.uid), ...photoUrls(live.token, album.uid, shown)]) {
      t.equal((await visitor.visit(app, url, cookie)).statusCode, 200, url)
    }
  })

  t.test('refusals', async t => {
    await refuse()
    const reference = await visitor.unknownLinkBody(app)
    t.match(reference, 'This link is not valid or has expired')
    const cases: Array<[string, string[]]> = [
      [
        'unknown token',
        [...albumUrls('never-shared-0001', album.uid), ...photoUrls('never-shared-0001', album.uid, shown)]
      ],
      [
        'malformed token',
        [...albumUrls('X!', album.uid), ...photoUrls('bad%20token%21', album.uid, shown), `/s/short/${album.uid}`]
      ],
      ['expired link', [...albumUrls(expiring.token, album.uid), ...photoUrls(expiring.token, album.uid, shown)]],
      ['deleted link', [...albumUrls(deleted.token, album.uid), ...photoUrls(deleted.token, album.uid, shown)]],
      [
        'token of another album',
        [...albumUrls(otherLink.token, album.uid), ...photoUrls(otherLink.token, album.uid, shown)]
      ],
      ['unknown album', albumUrls(live.token, 'aaaaaaaaaaaaaaaaa')],
      ['photo of another album', photoUrls(live.token, album.uid, stranger)],
      ['unknown photo', photoUrls(live.token, album.uid, 'paaaaaaaaaaaaaaaa')],
      ['private photo', photoUrls(live.token, album.uid, hidden)],
      ['archived photo', photoUrls(live.token, album.uid, archived)],
      ['unknown thumbnail size', [`/s/${live.token}/${album.uid}/${shown}/thumb/huge`]]
    ]
    for (const [what, urls] of cases) {
      for (const url of urls) {
        const res = await visitor.visit(app, url, cookie, visitor.freshClient())
        t.equal(res.statusCode, 404, `${what}: ${url}`)
        t.match(res.headers['content-type'], /^text\/html/, `${what}: no image bytes`)
        t.notOk(res.headers['content-disposition'], `${what}: no attachment`)
        t.equal(res.body, reference, `${what}: same body as an unknown link`)
      }
    }
  })

  t.test('an album page never links to a hidden photo', async t => {
    const page = await visitor.visit(app, `/s/${live.token}/${album.uid}`, cookie)
    for (const uid of [hidden, archived, stranger]) t.notMatch(page.body, uid)
  })
})

t.test('a link is refused the moment it expires, even with the page open', async t => {
  const { app, db, clock } = await buildTestApp(t)
  const album = await visitor.albumOfKind(db, 'month')
  const [photo] = await visitor.expectedUids(db, album)
  const expiresAt = new Date(clock.now.getTime() + HOUR)
  const link = await visitor.share(db, album, 'expiring-while-open', expiresAt.toISOString())
  const cookie = await visitor.openLink(app, link.token)
  const thumb = `/s/${link.token}/${album.uid}/${photo}/thumb/tile`
  clock.now = new Date(expiresAt.getTime() - 1)
  t.equal((await visitor.visit(app, thumb, cookie)).statusCode, 200, 'a millisecond before')
  clock.now = expiresAt
  t.equal((await visitor.visit(app, thumb, cookie)).statusCode, 404, 'at the expiry time')
  t.equal((await visitor.visit(app, `/s/${link.token}`, cookie)).statusCode, 404, 'and the link itself')
})
