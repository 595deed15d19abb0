import t from 'tap'
import { buildTestApp, signIn, ownerPost, cookiesFrom } from '../helper.ts'
import { albumOfKind, unknownLinkBody, visit } from './visitor-helpers.ts'

t.test('with downloads off, no zip, no original, no download buttons; thumbnails and views still work', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const album = await albumOfKind(db, 'folder')
  await ownerPost(app, session, `/albums/${album.uid}/links`)
  const link = await db.selectFrom('links').selectAll().where('album_id', '=', album.id).executeTakeFirstOrThrow()
  t.equal(link.allow_downloads, 1, 'downloads are on by default')

  const save = (fields: Record<string, string>) =>
    ownerPost(app, session, `/albums/${album.uid}/links/${link.id}`, {
      secret: link.token,
      expires: 'never',
      options: '1',
      ...fields
    })
  t.equal((await save({})).statusCode, 303, 'unticking the box turns downloads off')
  t.equal(
    (await db.selectFrom('links').select('allow_downloads').where('id', '=', link.id).executeTakeFirstOrThrow())
      .allow_downloads,
    0
  )
  const dialog = await app.inject({ url: `/albums/${album.uid}/share`, headers: { cookie: session.cookie } })
  t.match(dialog.body, 'No downloads')

  const base = `/s/${link.token}/${album.uid}`
  const page = await visit(app, base)
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, `${base}/download`, 'no zip button')
  const cookie = cookiesFrom(page)
  const photo = /href="\/s\/[^/]+\/[^/]+\/(p[a-z0-9]+)"/.exec(page.body)?.[1]
  t.ok(photo, 'grid shows photos')
  const photoPage = await visit(app, `${base}/${photo}`, cookie)
  t.equal(photoPage.statusCode, 200)
  t.notMatch(photoPage.body, '/original', 'no download of the original on the photo page')
  t.match(photoPage.body, `${base}/${photo}/thumb/view`, 'the view-size image is shown')

  const invalid = await unknownLinkBody(app)
  for (const url of [`${base}/download`, `${base}/${photo}/original`]) {
    const res = await visit(app, url, cookie)
    t.equal(res.statusCode, 404, `${url} refused`)
    t.equal(res.body, invalid)
  }
  for (const size of ['tile', 'view']) {
    t.equal((await visit(app, `${base}/${photo}/thumb/${size}`, cookie)).statusCode, 200, `${size} still served`)
  }

  t.equal((await save({ allow_downloads: '1' })).statusCode, 303, 'ticking it turns them back on')
  t.equal((await visit(app, `${base}/${photo}/original`, cookie)).statusCode, 200)
  t.equal((await visit(app, `${base}/download`, cookie)).statusCode, 200)
  t.equal(
    (await ownerPost(app, session, `/albums/${album.uid}/links/${link.id}`, { secret: link.token, expires: 'never' }))
      .statusCode,
    303
  )
  t.equal(
    (await db.selectFrom('links').select('allow_downloads').where('id', '=', link.id).executeTakeFirstOrThrow())
      .allow_downloads,
    1,
    'a save without the options fieldset leaves the switch alone'
  )
})
