import t from 'tap'
import { buildTestApp, signIn } from '../helper.ts'
import { createAlbum, gridUids, ownerGet, somePhotosByDate } from './owner-helpers.ts'

t.test('the photo page shows the photo large with date, camera and place', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const photo = await db
    .selectFrom('photos')
    .selectAll()
    .where('camera', 'is not', null)
    .where('state', 'is not', null)
    .where('taken_at', 'like', '2024-12-12T19:%')
    .executeTakeFirstOrThrow()
  const res = await ownerGet(app, session, `/photos/${photo.uid}`)
  t.equal(res.statusCode, 200)
  t.match(res.body, `src="/media/thumb/${photo.uid}/view"`, 'the large rendition')
  t.match(res.body, '12 December 2024, 19:00')
  t.match(res.body, `<dt>Camera</dt><dd>${photo.camera}</dd>`)
  t.match(res.body, `${photo.state}, ${photo.country}`)
  t.match(res.body, `href="/media/original/${photo.uid}?download=1"`, 'download of the original')
  t.match(res.body, 'href="/photos" title="Close"', 'closing without an album goes to Photos')
  t.notMatch(res.body, 'rel="prev"')
  t.notMatch(res.body, 'rel="next"')
})

t.test('previous and next stay within ?album=', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const folder = await db
    .selectFrom('albums')
    .select('uid')
    .where('kind', '=', 'folder')
    .where('filter', '=', '2024/munich')
    .executeTakeFirstOrThrow()
  const order = gridUids((await ownerGet(app, session, `/albums/${folder.uid}`)).body)
  t.ok(order.length >= 3)
  const q = `?album=${folder.uid}`
  const at = async (i: number) => (await ownerGet(app, session, `/photos/${order[i]}${q}`)).body

  const first = await at(0)
  t.notMatch(first, 'rel="prev"', 'nothing before the first')
  t.match(first, `rel="next" href="/photos/${order[1]}${q}"`)
  t.match(first, `href="/albums/${folder.uid}" title="Close"`, 'closing goes back to the album')
  const middle = await at(1)
  t.match(middle, `rel="prev" href="/photos/${order[0]}${q}"`)
  t.match(middle, `rel="next" href="/photos/${order[2]}${q}"`)
  const last = await at(order.length - 1)
  t.match(last, `rel="prev" href="/photos/${order[order.length - 2]}${q}"`)
  t.notMatch(last, 'rel="next"', 'nothing after the last')

  // A photo opened with an album it is not in gets no arrows into that album.
  const outsider = await db
    .selectFrom('photos')
    .select('uid')
    .where('folder', '!=', '2024/munich')
    .executeTakeFirstOrThrow()
  const stray = (await ownerGet(app, session, `/photos/${outsider.uid}${q}`)).body
  t.notMatch(stray, 'rel="prev"')
  t.notMatch(stray, 'rel="next"')
  t.notMatch(stray, `/albums/${folder.uid}`)
})

t.test('neighbours skip archived photos; an album with one photo has no arrows', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const photos = await somePhotosByDate(db, 3)
  const album = await createAlbum(app, session, 'Three', photos)
  await db.updateTable('photos').set({ archived: 1 }).where('id', '=', photos[1].id).execute()
  const first = (await ownerGet(app, session, `/photos/${photos[0].uid}?album=${album}`)).body
  t.match(first, `rel="next" href="/photos/${photos[2].uid}?album=${album}"`)
  const single = await createAlbum(app, session, 'One', [photos[0].uid])
  const alone = (await ownerGet(app, session, `/photos/${photos[0].uid}?album=${single}`)).body
  t.notMatch(alone, /rel="(prev|next)"/)
})

t.test('unknown photos are 404', async t => {
  const { app } = await buildTestApp(t)
  const session = await signIn(app)
  for (const url of ['/photos/pnosuchphoto', '/photos/NOT-A-UID', '/photos/pnosuchphoto?album=anosuchalbum']) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 404, url)
    t.match(res.body, 'Page not found')
  }
})
