import t from 'tap'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { albumOfKind, expectedUids, openLink, openedShare, share, unknownLinkBody, visit } from './visitor-helpers.ts'

t.test('deleting a link ends access at once, even for a visitor with the album open', async t => {
  const { app, album, photo, link, cookie } = await openedShare(t, 'folder', 'revoke-me-0001')
  const base = `/s/${link.token}/${album.uid}`
  const urls = [
    base,
    `${base}/${photo}`,
    `${base}/${photo}/thumb/tile`,
    `${base}/${photo}/thumb/view`,
    `${base}/${photo}/original`,
    `${base}/download`
  ]
  for (const url of urls) t.equal((await visit(app, url, cookie)).statusCode, 200, `before: ${url}`)

  const owner = await signIn(app)
  const deleted = await ownerPost(app, owner, `/albums/${album.uid}/links/${link.id}/delete`)
  t.equal(deleted.statusCode, 303, 'the owner deletes the link')
  const reference = await unknownLinkBody(app)
  for (const url of urls) {
    const res = await visit(app, url, cookie)
    t.equal(res.statusCode, 404, `after: ${url}`)
    t.equal(res.body, reference)
  }
})

t.test('an owner changing the secret ends access through the old one', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'moment')
  const [photo] = await expectedUids(db, album)
  const link = await share(db, album, 'old-secret-0001')
  const cookie = await openLink(app, link.token)
  const owner = await signIn(app)
  const saved = await ownerPost(app, owner, `/albums/${album.uid}/links/${link.id}`, {
    secret: 'new-secret-0001',
    expires: 'keep'
  })
  t.equal(saved.statusCode, 303)
  t.equal(
    (await visit(app, `/s/old-secret-0001/${album.uid}/${photo}/thumb/tile`, cookie)).statusCode,
    404,
    'old secret'
  )
  const fresh = await openLink(app, 'new-secret-0001', cookie)
  t.equal(
    (await visit(app, `/s/new-secret-0001/${album.uid}/${photo}/thumb/tile`, fresh)).statusCode,
    200,
    'new secret, once opened'
  )
})
