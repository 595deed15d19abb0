import t from 'tap'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { albumByUid, assertNoStack, createAlbum, gridUids, memberUids, ownerGet, somePhotos } from './owner-helpers.ts'

t.test('creating an album', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const form = await ownerGet(app, session, '/albums/new')
  t.equal(form.statusCode, 200)
  t.match(form.body, 'action="/albums"')

  for (const title of ['', '   ']) {
    const res = await ownerPost(app, session, '/albums', { title, description: 'kept' })
    t.equal(res.statusCode, 400, `title ${JSON.stringify(title)}`)
    t.match(res.body, /id="title-error"[^>]*>Give the album a title\./, 'inline error next to the field')
    t.match(res.body, 'aria-invalid="true"')
    t.match(res.body, '>kept</textarea>', 'what was typed is kept')
    assertNoStack(t, res.body)
  }
  t.equal(
    (await db.selectFrom('albums').select('id').where('kind', '=', 'album').execute()).length,
    0,
    'nothing created'
  )

  const res = await ownerPost(app, session, '/albums', { title: '  Summer 2019 ', description: 'By the sea' })
  t.equal(res.statusCode, 303)
  const uid = String(res.headers.location).replace('/albums/', '')
  const album = await albumByUid(db, uid)
  t.match(album, { kind: 'album', title: 'Summer 2019', slug: 'summer-2019', description: 'By the sea' })
  const page = await ownerGet(app, session, `/albums/${uid}`)
  t.match(page.body, '<h1>Summer 2019</h1>')
  t.match(page.body, 'This album is empty.')
  t.match((await ownerGet(app, session, '/albums')).body, `href="/albums/${uid}"`, 'listed on /albums')
})

t.test('renaming and editing an album', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const uid = await createAlbum(app, session, 'Old name')
  const form = await ownerGet(app, session, `/albums/${uid}/edit`)
  t.match(form.body, 'value="Old name"')
  t.match(form.body, `action="/albums/${uid}/edit"`)

  const empty = await ownerPost(app, session, `/albums/${uid}/edit`, { title: ' ', description: '' })
  t.equal(empty.statusCode, 400)
  t.match(empty.body, 'Give the album a title.')
  t.equal((await albumByUid(db, uid))?.title, 'Old name', 'unchanged')

  const res = await ownerPost(app, session, `/albums/${uid}/edit`, { title: 'New name', description: 'Now with words' })
  t.equal(res.statusCode, 303)
  t.equal(res.headers.location, `/albums/${uid}`, 'the uid (and so every link) stays')
  t.match(await albumByUid(db, uid), { title: 'New name', slug: 'new-name', description: 'Now with words' })
  t.match((await ownerGet(app, session, `/albums/${uid}`)).body, 'Now with words')
})

t.test('adding and removing photos, and choosing the cover', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const photos = await somePhotos(db, 4)
  const uids = photos.map(p => p.uid)
  const album = await createAlbum(app, session, 'Picks')
  const picker = await ownerGet(app, session, `/albums/${album}/add`)
  t.equal(picker.statusCode, 200)
  t.match(picker.body, `name="photos" value="${uids[0]}"`)

  const one = await ownerPost(app, session, `/albums/${album}/photos`, { photos: uids[0] })
  t.equal(one.statusCode, 303)
  t.equal(one.headers.location, `/albums/${album}`)
  t.same(await memberUids(db, album), [uids[0]])
  await ownerPost(app, session, `/albums/${album}/photos`, { photos: uids })
  t.same(await memberUids(db, album), [...uids].sort(), 'several photos fields, one already in: no error, no duplicate')
  const none = await ownerPost(app, session, `/albums/${album}/photos`, {})
  t.equal(none.statusCode, 303, 'nothing ticked is no error')
  const unknown = await ownerPost(app, session, `/albums/${album}/photos`, { photos: 'pnosuchphoto' })
  t.equal(unknown.statusCode, 303)
  t.same(await memberUids(db, album), [...uids].sort(), 'unknown uids are ignored')
  t.same(gridUids((await ownerGet(app, session, `/albums/${album}`)).body).sort(), [...uids].sort())

  await ownerPost(app, session, `/albums/${album}/photos/remove`, { photos: [uids[1], uids[2]] })
  t.same(await memberUids(db, album), [uids[0], uids[3]].sort())
  await ownerPost(app, session, `/albums/${album}/photos/remove`, { photos: uids[0] })
  t.same(await memberUids(db, album), [uids[3]])
  t.equal(
    (await db.selectFrom('photos').select('id').where('uid', 'in', uids).execute()).length,
    4,
    'removing never deletes photos'
  )

  await ownerPost(app, session, `/albums/${album}/photos`, { photos: uids })
  const cover = await ownerPost(app, session, `/albums/${album}/cover`, { photos: uids[2] })
  t.equal(cover.statusCode, 303)
  t.equal((await albumByUid(db, album))?.cover_photo_id, photos[2].id)
  t.match(
    (await ownerGet(app, session, '/albums')).body,
    `src="/media/thumb/${uids[2]}/tile"`,
    'the card shows the cover'
  )
  const outsider = await db
    .selectFrom('photos')
    .select(['id', 'uid'])
    .where('uid', 'not in', uids)
    .executeTakeFirstOrThrow()
  await ownerPost(app, session, `/albums/${album}/cover`, { photos: outsider.uid })
  t.not((await albumByUid(db, album))?.cover_photo_id, outsider.id, 'a photo outside the album cannot be its cover')
})
