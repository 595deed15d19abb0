import t from 'tap'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { zipEntryNames } from '../../src/library/album-zip.ts'
import { albumOfKind, expectedUids, photoOutside, readZip, setFlag, inZipOrder } from './visitor-helpers.ts'
import { createAlbum, memberUids, ownerGet } from './owner-helpers.ts'

t.test('the owner downloads a selection of any album: its photos only, private ones included', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const album = await albumOfKind(db, 'state', 4)
  const [a, b, archived] = await expectedUids(db, album)
  await setFlag(db, b, 'private')
  await setFlag(db, archived, 'archived')
  const outsider = await photoOutside(db, album)

  const page = await ownerGet(app, session, `/albums/${album.uid}`)
  t.match(page.body, `action="/albums/${album.uid}/selection/download"`, "every album's grid is a selection form")
  t.match(page.body, `name="photos" value="${a}"`)

  const res = await ownerPost(app, session, `/albums/${album.uid}/selection/download`, {
    photos: [a, b, archived, outsider]
  })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/zip')
  const photos = await inZipOrder(db, [a, b])
  t.same(
    [...(await readZip(res.rawPayload)).keys()],
    zipEntryNames(photos),
    "the selected photos of the album, the private one too; not archived, not other albums'"
  )

  const nothing = await ownerPost(app, session, `/albums/${album.uid}/selection/download`, { photos: [outsider] })
  t.equal(nothing.statusCode, 303, 'nothing of this album selected: back to it')
  t.match(String(nothing.headers.location), `/albums/${album.uid}?done=none`)

  const forged = await app.inject({
    method: 'POST',
    url: `/albums/${album.uid}/selection/download`,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `photos=${a}`
  })
  t.equal(forged.statusCode, 403, 'without the CSRF token: 403')
  const anonymous = await app.inject({
    method: 'POST',
    url: `/albums/${album.uid}/selection/private`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `photos=${a}`
  })
  t.equal(anonymous.statusCode, 401, 'signed out: nothing happens')
  t.equal((await db.selectFrom('photos').select('private').where('uid', '=', a).executeTakeFirstOrThrow()).private, 0)
})

t.test('bulk actions: add to a manual album, make private, remove from a manual album', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const state = await albumOfKind(db, 'state', 4)
  const [a, b, c, d] = await expectedUids(db, state)
  const outsider = await photoOutside(db, state)
  const target = await createAlbum(app, session, 'Best of')

  const page = await ownerGet(app, session, `/albums/${state.uid}`)
  t.match(
    page.body,
    `name="target" value="${target}" formaction="/albums/${state.uid}/selection/add"`,
    'the manual albums are offered as targets'
  )
  t.notMatch(page.body, `/albums/${state.uid}/photos/remove`, 'a derived album offers no "remove"')

  const added = await ownerPost(app, session, `/albums/${state.uid}/selection/add`, {
    photos: [a, b, outsider],
    target
  })
  t.equal(added.statusCode, 303)
  t.equal(
    added.headers.location,
    `/albums/${state.uid}?done=added&n=2&to=${target}`,
    'back to the album, saying what happened'
  )
  t.same(await memberUids(db, target), [a, b].sort(), 'only photos of the album the selection was made in are added')
  const told = await ownerGet(app, session, String(added.headers.location))
  t.match(told.body, /2 photos added to <a href="\/albums\/[a-z0-9]+">Best of<\/a>/)

  const toDerived = await ownerPost(app, session, `/albums/${state.uid}/selection/add`, {
    photos: [c],
    target: state.uid
  })
  t.equal(toDerived.statusCode, 404, 'only a manual album can be a target')
  t.equal(
    (await ownerPost(app, session, `/albums/${state.uid}/selection/add`, { photos: [c] })).statusCode,
    404,
    'no target: refused'
  )

  const made = await ownerPost(app, session, `/albums/${state.uid}/selection/private`, {
    photos: [c, d, outsider],
    page: '1'
  })
  t.equal(made.headers.location, `/albums/${state.uid}?done=private&n=2`)
  const flags = await db
    .selectFrom('photos')
    .select(['uid', 'private'])
    .where('uid', 'in', [a, b, c, d, outsider])
    .execute()
  t.same(
    Object.fromEntries(flags.map(f => [f.uid, f.private])),
    { [a]: 0, [b]: 0, [c]: 1, [d]: 1, [outsider]: 0 },
    'the selected photos of the album, and no other, are private'
  )

  const manualPage = await ownerGet(app, session, `/albums/${target}`)
  t.match(manualPage.body, `formaction="/albums/${target}/photos/remove"`, 'a manual album offers "remove from album"')
  const removed = await ownerPost(app, session, `/albums/${target}/photos/remove`, { photos: [a], page: '2' })
  t.equal(removed.headers.location, `/albums/${target}?page=2&done=removed&n=1`, 'back to the same page')
  t.same(await memberUids(db, target), [b])
  t.equal(
    (await ownerPost(app, session, `/albums/${state.uid}/photos/remove`, { photos: [a] })).statusCode,
    404,
    'remove is refused outside manual albums'
  )
})

t.test("the owner's grid without JS: ?select=all ticks the page", async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const album = await albumOfKind(db, 'folder', 3)
  const uids = await expectedUids(db, album)
  const all = (await ownerGet(app, session, `/albums/${album.uid}?select=all`)).body
  t.equal([...all.matchAll(/name="photos" value="[a-z0-9]+" checked>/g)].length, uids.length)
})

t.test(
  'the Photos page is a selection form too: download, add, make private; archived photos are left out',
  async t => {
    const { app, db } = await buildTestApp(t)
    const session = await signIn(app)
    const photos = await db
      .selectFrom('photos')
      .selectAll()
      .where('media', '=', 'image')
      .where('companion_of', 'is', null)
      .orderBy('id')
      .limit(3)
      .execute()
    const [a, b, archived] = photos.map(p => p.uid)
    await setFlag(db, archived, 'archived')
    const target = await createAlbum(app, session, 'From the library')

    const page = await ownerGet(app, session, '/photos')
    t.match(page.body, 'action="/library/selection/download"')
    t.match(page.body, `name="target" value="${target}" formaction="/library/selection/add"`)
    t.notMatch(page.body, 'Remove from album', 'nothing to remove from on the Photos page')
    t.notMatch((await ownerGet(app, session, '/archive')).body, 'data-selection', 'the Archive is no selection form')

    const zip = await ownerPost(app, session, '/library/selection/download', { photos: [a, b, archived] })
    t.equal(zip.statusCode, 200)
    const expected = await inZipOrder(db, [a, b])
    t.same(
      [...(await readZip(zip.rawPayload)).keys()],
      zipEntryNames(expected),
      'the selected photos, not the archived one'
    )
    t.match(String(zip.headers['content-disposition']), 'Photos (selection).zip')

    const added = await ownerPost(app, session, '/library/selection/add', { photos: [a, archived], target, page: '2' })
    t.equal(added.headers.location, `/photos?page=2&done=added&n=1&to=${target}`)
    t.same(await memberUids(db, target), [a])
    const made = await ownerPost(app, session, '/library/selection/private', { photos: [b] })
    t.equal(made.headers.location, '/photos?done=private&n=1')
    t.match((await ownerGet(app, session, '/photos?done=private&n=1')).body, '1 photo made private')
    t.equal((await db.selectFrom('photos').select('private').where('uid', '=', b).executeTakeFirstOrThrow()).private, 1)
  }
)
