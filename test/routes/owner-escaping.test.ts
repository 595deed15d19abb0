import t from 'tap'
import { buildTestApp, ownerPost, signIn } from '../helper.ts'
import { createAlbum, ownerGet, somePhotos } from './owner-helpers.ts'

const EVIL = '<script>alert(1)</script>'
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;'
const EVIL_ATTR = '"><img src=x onerror=alert(1)>'

t.test('album titles and descriptions are escaped everywhere they appear', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  const uid = await createAlbum(app, session, EVIL, [photo.uid])
  await db.updateTable('albums').set({ description: EVIL_ATTR }).where('uid', '=', uid).execute()
  const pages = [
    '/albums',
    `/albums/${uid}`,
    `/albums/${uid}/edit`,
    `/albums/${uid}/delete`,
    `/albums/${uid}/add`,
    `/photos/${photo.uid}?album=${uid}`
  ]
  for (const url of pages) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 200, url)
    t.notMatch(res.body, EVIL, `${url}: no raw script`)
    t.notMatch(res.body, '<img src=x', `${url}: no injected tag`)
    if (!url.startsWith('/photos/')) t.match(res.body, ESCAPED, `${url}: shown as text`)
  }
  const edit = await ownerGet(app, session, `/albums/${uid}/edit`)
  t.match(edit.body, `value="${ESCAPED}"`, 'the edit field holds the title as text')
  t.match(edit.body, '&quot;&gt;&lt;img src=x', 'the description is escaped inside the textarea')

  const failed = await ownerPost(app, session, '/albums', { title: ' ', description: `</textarea>${EVIL}` })
  t.equal(failed.statusCode, 400)
  t.notMatch(failed.body, EVIL, 'a re-shown form escapes what was typed')
})

t.test('photo titles, paths and places are escaped', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  await db
    .updateTable('photos')
    .set({ title: EVIL, camera: EVIL, state: EVIL_ATTR, description: EVIL })
    .where('id', '=', photo.id)
    .execute()
  const folder = await db
    .selectFrom('albums')
    .select('uid')
    .where('kind', '=', 'folder')
    .where('filter', '=', photo.folder)
    .executeTakeFirstOrThrow()
  for (const url of [`/photos/${photo.uid}`, '/photos', `/albums/${folder.uid}`]) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 200, url)
    t.notMatch(res.body, EVIL, url)
    t.notMatch(res.body, '<img src=x', url)
    t.match(res.body, ESCAPED, url)
  }
})
