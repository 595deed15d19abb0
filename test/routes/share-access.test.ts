import t from 'tap'
import { ownerPost } from '../helper.ts'
import { addLink, albumOfKind, allLinks, ownerApp, ownerGet, type Owner } from './share-helpers.ts'

const UNKNOWN = 'azzzzzzzzzzzzzzzz'

async function twoSharedAlbums(o: Owner) {
  const mine = await albumOfKind(o, 'state')
  const theirs = await albumOfKind(o, 'folder')
  return { mine, theirs, myLink: await addLink(o, mine), theirLink: await addLink(o, theirs) }
}

t.test('a link id of another album, an unknown link or album is a 404 and changes nothing', async t => {
  const o = await ownerApp(t)
  const { mine, theirs, theirLink } = await twoSharedAlbums(o)
  const before = await allLinks(o)
  const save = { secret: 'hijacked-secret', expires: '1d' }
  const refused: Array<[string, string, Record<string, string>?]> = [
    ["save another album's link", `/albums/${mine.uid}/links/${theirLink}`, save],
    ["delete another album's link", `/albums/${mine.uid}/links/${theirLink}/delete`],
    ['save an unknown link', `/albums/${theirs.uid}/links/9999`, save],
    ['delete an unknown link', `/albums/${theirs.uid}/links/9999/delete`],
    ['add to an unknown album', `/albums/${UNKNOWN}/links`],
    ['save on an unknown album', `/albums/${UNKNOWN}/links/${theirLink}`, save],
    ['delete on an unknown album', `/albums/${UNKNOWN}/links/${theirLink}/delete`]
  ]
  for (const [what, url, fields] of refused) {
    t.equal((await ownerPost(o.app, o.session, url, fields)).statusCode, 404, what)
  }
  t.equal(
    (await ownerGet(o, `/albums/${mine.uid}/links/${theirLink}/delete`)).statusCode,
    404,
    "no confirm page for another album's link"
  )
  t.same(await allLinks(o), before, 'nothing changed')
})

t.test('add, save and delete refuse a missing or wrong CSRF token with 403', async t => {
  const o = await ownerApp(t)
  const { mine, myLink } = await twoSharedAlbums(o)
  const before = await allLinks(o)
  const forms: Array<[string, string, Record<string, string>]> = [
    ['add', `/albums/${mine.uid}/links`, {}],
    ['save', `/albums/${mine.uid}/links/${myLink}`, { secret: 'forged-secret', expires: '1d' }],
    ['delete', `/albums/${mine.uid}/links/${myLink}/delete`, {}]
  ]
  for (const [what, url, fields] of forms) {
    for (const csrf of [undefined, 'wrong-token', `${o.session.csrf}x`]) {
      const body = new URLSearchParams({ ...fields, ...(csrf === undefined ? {} : { _csrf: csrf }) }).toString()
      const res = await o.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { cookie: o.session.cookie, 'content-type': 'application/x-www-form-urlencoded' }
      })
      t.equal(res.statusCode, 403, `${what} with ${csrf === undefined ? 'no' : 'a wrong'} token`)
    }
    const invalid = new URLSearchParams({ _csrf: 'wrong-token' }).toString()
    const res = await o.app.inject({
      method: 'POST',
      url,
      payload: invalid,
      headers: { cookie: o.session.cookie, 'content-type': 'application/x-www-form-urlencoded' }
    })
    t.equal(res.statusCode, 403, `${what}: CSRF is checked before the body`)
  }
  t.same(await allLinks(o), before, 'nothing changed')
})

t.test('without an owner session there is no dialog and no change', async t => {
  const o = await ownerApp(t)
  const { mine, myLink } = await twoSharedAlbums(o)
  const before = await allLinks(o)
  const page = await o.app.inject({ url: `/albums/${mine.uid}/share` })
  t.equal(page.statusCode, 302)
  t.match(page.headers.location, /^\/login\?next=/)
  for (const url of [
    `/albums/${mine.uid}/links`,
    `/albums/${mine.uid}/links/${myLink}`,
    `/albums/${mine.uid}/links/${myLink}/delete`
  ]) {
    const res = await o.app.inject({
      method: 'POST',
      url,
      payload: `_csrf=${o.session.csrf}&secret=anonymous-secret&expires=never`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    })
    t.equal(res.statusCode, 401, url)
  }
  t.same(await allLinks(o), before, 'nothing changed')
})
