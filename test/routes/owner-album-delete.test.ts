import t from 'tap'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { albumByUid, createAlbum, ownerGet, somePhotos } from './owner-helpers.ts'

t.test('deleting an album asks first, then takes its memberships and links but no photo', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const photos = await somePhotos(db, 3)
  const uid = await createAlbum(app, session, 'Doomed', photos)
  const keep = await createAlbum(app, session, 'Kept', [photos[0].uid])
  const album = await albumByUid(db, uid)
  if (!album) throw new Error('album missing')
  const now = new Date().toISOString()
  await db
    .insertInto('links')
    .values({
      token: 'doomed-link-secret',
      album_id: album.id,
      expires_at: null,
      created_at: now,
      updated_at: now,
      created_by: 'owner'
    })
    .execute()

  const confirm = await ownerGet(app, session, `/albums/${uid}/delete`)
  t.equal(confirm.statusCode, 200)
  t.match(confirm.body, `<form method="post" action="/albums/${uid}/delete"`)
  t.match(confirm.body, /name="_csrf" value="[^"]+"/)
  t.match(confirm.body, '<strong>Doomed</strong>')
  t.ok(await albumByUid(db, uid), 'showing the confirm page deletes nothing')

  const res = await ownerPost(app, session, `/albums/${uid}/delete`)
  t.equal(res.statusCode, 303)
  t.equal(res.headers.location, '/albums')
  t.notOk(await albumByUid(db, uid), 'album gone')
  t.same(
    await db.selectFrom('album_photos').select('photo_id').where('album_id', '=', album.id).execute(),
    [],
    'memberships gone'
  )
  t.same(await db.selectFrom('links').select('id').where('album_id', '=', album.id).execute(), [], 'links gone')
  t.equal(
    (
      await db
        .selectFrom('photos')
        .select('id')
        .where(
          'id',
          'in',
          photos.map(p => p.id)
        )
        .execute()
    ).length,
    3,
    'photos stay'
  )
  t.match((await ownerGet(app, session, `/albums/${keep}`)).body, '1 photo', 'other albums untouched')
  t.equal((await ownerGet(app, session, `/albums/${uid}`)).statusCode, 404)
  t.equal((await ownerPost(app, session, `/albums/${uid}/delete`)).statusCode, 404, 'deleting twice is a 404')
})

t.test('derived albums cannot be edited or deleted', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  for (const kind of ['month', 'state', 'folder', 'moment'] as const) {
    const album = await db.selectFrom('albums').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow()
    const base = `/albums/${album.uid}`
    for (const url of [`${base}/edit`, `${base}/delete`, `${base}/add`]) {
      t.equal((await ownerGet(app, session, url)).statusCode, 404, `GET ${url} (${kind})`)
    }
    const posts: Array<[string, Record<string, string>]> = [
      [`${base}/edit`, { title: 'Hijacked', description: '' }],
      [`${base}/delete`, {}],
      [`${base}/photos`, { photos: photo.uid }],
      [`${base}/photos/remove`, { photos: photo.uid }],
      [`${base}/cover`, { photos: photo.uid }]
    ]
    for (const [url, fields] of posts) {
      t.equal((await ownerPost(app, session, url, fields)).statusCode, 404, `POST ${url} (${kind})`)
    }
    t.same(await albumByUid(db, album.uid), album, `${kind} album unchanged`)
    const page = await ownerGet(app, session, base)
    t.notMatch(page.body, `${base}/edit`, 'no Edit button')
    t.notMatch(page.body, `${base}/delete`, 'no Delete button')
  }
  const moment = await db.selectFrom('albums').select('id').where('kind', '=', 'moment').executeTakeFirstOrThrow()
  const members = await db.selectFrom('album_photos').select('photo_id').where('album_id', '=', moment.id).execute()
  t.ok(members.length > 0, 'moment members kept')
})
