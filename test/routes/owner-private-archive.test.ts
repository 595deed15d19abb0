import t from 'tap'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { createAlbum, ownerGet, somePhotos } from './owner-helpers.ts'

const tileOf = (html: string, uid: string): string | undefined =>
  new RegExp(`<li class="[^"]*">(?:(?!</li>)[\\s\\S])*?/photos/${uid}[\\s\\S]*?</li>`).exec(html)?.[0]

t.test('the private toggle round trip', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  const album = await createAlbum(app, session, 'Trip', [photo.uid])
  const privateOf = async (): Promise<number> =>
    (await db.selectFrom('photos').select('private').where('id', '=', photo.id).executeTakeFirstOrThrow()).private

  const on = await ownerPost(app, session, `/photos/${photo.uid}/private`, { value: '1', album })
  t.equal(on.statusCode, 303)
  t.equal(on.headers.location, `/photos/${photo.uid}?album=${album}`, 'back to the photo, in its album')
  t.equal(await privateOf(), 1)

  const grid = await ownerGet(app, session, `/albums/${album}`)
  const tile = tileOf(grid.body, photo.uid)
  t.match(tile, 'class="tile is-private"')
  t.match(tile, '<span class="sr-only">Private</span>')
  t.match(grid.body, '1 private')
  const view = await ownerGet(app, session, `/photos/${photo.uid}?album=${album}`)
  t.match(view.body, 'aria-pressed="true"')
  t.match(view.body, 'name="value" value="0"', 'the button now turns it off')

  const off = await ownerPost(app, session, `/photos/${photo.uid}/private`, { value: '0' })
  t.equal(off.headers.location, `/photos/${photo.uid}`)
  t.equal(await privateOf(), 0)
  const after = tileOf((await ownerGet(app, session, `/albums/${album}`)).body, photo.uid)
  t.match(after, 'class="tile"')
  t.notMatch(after, 'Private')

  const unknown = await ownerPost(app, session, '/photos/pnosuchphoto/private', { value: '1' })
  t.equal(unknown.statusCode, 404)
})

t.test('archiving hides a photo from every album and count; restoring brings it back', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  const manual = await createAlbum(app, session, 'Trip', [photo.uid])
  const derived = await db.selectFrom('albums').select(['uid', 'kind']).where('kind', '!=', 'album').execute()
  const owning = []
  for (const a of derived) {
    if ((await ownerGet(app, session, `/albums/${a.uid}`)).body.includes(`/photos/${photo.uid}?`)) owning.push(a.uid)
  }
  t.ok(owning.length >= 3, 'the photo is in its month, state, folder (and maybe a moment)')
  const albums = [manual, ...owning]
  const counts = async (): Promise<string[]> =>
    await Promise.all(
      albums.map(async uid => /(\d+) photos?/.exec((await ownerGet(app, session, `/albums/${uid}`)).body)?.[1] ?? '?')
    )
  const library = async (url: string): Promise<boolean> =>
    (await ownerGet(app, session, url)).body.includes(`/photos/${photo.uid}"`)
  const before = await counts()
  t.equal(before[0], '1')
  t.ok(await library('/photos'))
  t.notOk(await library('/archive'))

  const archive = await ownerPost(app, session, `/photos/${photo.uid}/archive`, { value: '1', album: manual })
  t.equal(archive.statusCode, 303)
  for (const uid of albums) {
    t.notMatch((await ownerGet(app, session, `/albums/${uid}`)).body, photo.uid, `not on album ${uid}`)
  }
  t.same(
    await counts(),
    before.map(n => String(Number(n) - 1)),
    'every count is one less'
  )
  t.notMatch((await ownerGet(app, session, '/albums')).body, /\b1 photo\b/, 'the manual album card counts 0')
  t.notOk(await library('/photos'))
  t.ok(await library('/archive'), 'shown in the Archive')
  const view = await ownerGet(app, session, `/photos/${photo.uid}`)
  t.equal(view.statusCode, 200, 'an archived photo can still be opened')
  t.match(view.body, 'Restore from archive')

  await ownerPost(app, session, `/photos/${photo.uid}/archive`, { value: '0' })
  t.same(await counts(), before, 'restored everywhere')
  t.ok(await library('/photos'))
  t.notOk(await library('/archive'))
})
