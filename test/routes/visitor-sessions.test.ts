import t from 'tap'
import { buildTestApp, cookiesFrom, signIn } from '../helper.ts'
import { albumOfKind, expectedUids, openLink, openedShare, setFlag, share, visit } from './visitor-helpers.ts'

t.test('a visitor cookie never opens an owner page', async t => {
  const { app, album, photo, cookie } = await openedShare(t, 'folder', 'sessions-0001')
  t.match(cookie, /^albumlink_visit=/, 'only the visitor cookie is set')
  t.notMatch(cookie, /albumlink_owner/)
  for (const url of [
    '/albums',
    `/albums/${album.uid}`,
    `/albums/${album.uid}/share`,
    `/photos/${photo}`,
    `/media/original/${photo}`
  ]) {
    const res = await visit(app, url, cookie)
    t.equal(res.statusCode, 302, url)
    t.match(res.headers.location, /^\/login/, `${url} asks to sign in`)
  }
  const value = cookie.split('=').slice(1).join('=')
  const forged = await visit(app, '/albums', `albumlink_owner=${value}`)
  t.equal(forged.statusCode, 302, 'the visitor cookie renamed is not an owner session either')
})

t.test('the owner browsing a link sees exactly what a visitor sees', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  const [shown, hidden] = await expectedUids(db, album)
  await setFlag(db, hidden, 'private')
  const link = await share(db, album, 'sessions-0002')
  const owner = await signIn(app)
  const ownerOnly = owner.cookie
    .split('; ')
    .filter(c => c.startsWith('albumlink_owner='))
    .join('; ')
  t.ok(ownerOnly)

  const opened = await visit(app, `/s/${link.token}`, ownerOnly)
  const ownerCookie = cookiesFrom(opened, ownerOnly)
  const visitorCookie = await openLink(app, link.token)
  const base = `/s/${link.token}/${album.uid}`
  for (const url of [base, `${base}/${shown}`]) {
    const asOwner = await visit(app, url, ownerCookie)
    const asVisitor = await visit(app, url, visitorCookie)
    t.equal(asOwner.statusCode, 200, url)
    t.equal(asOwner.body, asVisitor.body, `${url}: the same page`)
    t.notMatch(asOwner.body, hidden, 'no private photo')
    t.notMatch(asOwner.body, /href="\/(albums|photos|moments|calendar)/, 'no owner links')
    t.notMatch(asOwner.body, /name="_csrf"|class="menu"|is-private/, 'no owner controls')
  }
  for (const suffix of ['', '/thumb/tile', '/original']) {
    t.equal(
      (await visit(app, `${base}/${hidden}${suffix}`, ownerCookie)).statusCode,
      404,
      `private photo${suffix} under a link, even for the owner`
    )
  }
})
