import t from 'tap'
import { ownerPost, signIn } from '../helper.ts'
import { twoInstances } from './instance-helpers.ts'
import { ownerGet } from './owner-helpers.ts'
import { gridUids, openLink, readZip, unknownLinkBody, visit } from './visitor-helpers.ts'

t.test('a link made on A opens on B; deleted on B, it is refused on A at once, thumbnails included', async t => {
  const { a, b, album, photos } = await twoInstances(t)
  const ownerA = await signIn(a.app)
  const added = await ownerPost(a.app, ownerA, `/albums/${album.uid}/links`)
  const linkId = Number(/open=(\d+)/.exec(added.headers.location as string)![1])
  const saved = await ownerPost(a.app, ownerA, `/albums/${album.uid}/links/${linkId}`, {
    secret: 'two-instances-0001',
    expires: 'never'
  })
  t.equal(saved.statusCode, 303, 'A saves the secret')

  const cookie = await openLink(b.app, 'two-instances-0001')
  const base = `/s/two-instances-0001/${album.uid}`
  const thumb = `${base}/${photos[0]}/thumb/tile`
  t.equal((await visit(b.app, base, cookie)).statusCode, 200, 'B shows the album')
  t.equal((await visit(a.app, thumb, cookie)).statusCode, 200, "A serves a thumbnail on B's cookie")
  t.equal((await visit(b.app, thumb, cookie)).statusCode, 200, 'B serves it too (now cached there)')

  const ownerB = await signIn(b.app)
  const deleted = await ownerPost(b.app, ownerB, `/albums/${album.uid}/links/${linkId}/delete`)
  t.equal(deleted.statusCode, 303, 'B deletes the link')
  const refusal = await unknownLinkBody(a.app)
  for (const url of [base, thumb, `${base}/${photos[0]}/original`, `${base}/download`]) {
    const res = await visit(a.app, url, cookie)
    t.equal(res.statusCode, 404, `A refuses ${url}`)
    t.equal(res.body, refusal)
  }
})

t.test('a photo made private on A is gone at once from B: page, grid, zip and map', async t => {
  const { a, b, album, photos } = await twoInstances(t)
  const now = new Date().toISOString()
  await a.db
    .insertInto('links')
    .values({ token: 'private-two-0001', album_id: album.id, created_at: now, updated_at: now })
    .execute()
  const cookie = await openLink(b.app, 'private-two-0001')
  const base = `/s/private-two-0001/${album.uid}`
  const zipNames = async (): Promise<number> =>
    (await readZip((await visit(b.app, `${base}/download`, cookie)).rawPayload)).size
  const mapIds = async (): Promise<string> => (await visit(b.app, `${base}/map.geojson`, cookie)).body
  // A located photo, so the map can show that it left.
  const located = await a.db.selectFrom('photos').select('uid').where('uid', 'in', photos).where('lat', 'is not', null)
  const target = (await located.executeTakeFirstOrThrow()).uid
  t.ok(gridUids((await visit(b.app, base, cookie)).body).includes(target), 'B lists the photo')
  t.equal((await visit(b.app, `${base}/${target}`, cookie)).statusCode, 200, 'B shows its page')
  const zipBefore = await zipNames()
  const mapBefore = await mapIds()

  const owner = await signIn(a.app)
  const made = await ownerPost(a.app, owner, `/photos/${target}/private`, { value: '1' })
  t.equal(made.statusCode, 303, 'A makes it private')

  t.notOk(gridUids((await visit(b.app, base, cookie)).body).includes(target), 'gone from B’s grid')
  t.equal((await visit(b.app, `${base}/${target}`, cookie)).statusCode, 404, 'its page is a 404 on B')
  t.equal((await visit(b.app, `${base}/${target}/thumb/tile`, cookie)).statusCode, 404, 'so is its thumbnail')
  t.equal(await zipNames(), zipBefore - 1, 'one entry fewer in B’s zip')
  t.ok(mapBefore.includes(target), 'it was on B’s map')
  t.notOk((await mapIds()).includes(target), 'not on B’s map any more')
})

t.test('an owner cookie from A works on B; signing out on B ends it on A', async t => {
  const { a, b } = await twoInstances(t)
  const owner = await signIn(a.app)
  t.equal((await ownerGet(b.app, owner, '/albums')).statusCode, 200, "B accepts A's owner session")
  const out = await ownerPost(b.app, owner, '/logout')
  t.equal(out.statusCode, 303, 'signed out on B')
  const after = await ownerGet(a.app, owner, '/albums')
  t.equal(after.statusCode, 302)
  t.match(after.headers.location, /^\/login/, 'A sends the old cookie to sign in')
})
