import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, ownerPost, signIn, type OwnerSession } from '../helper.ts'
import { assertNoStack, createAlbum, memberUids, somePhotos } from './owner-helpers.ts'

/** A form POST as the signed-in owner with exactly these fields (no token added). */
async function rawPost(app: FastifyInstance, session: OwnerSession, url: string, payload: Record<string, string>) {
  return await app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload })
}

t.test('owner forms without the right CSRF token get 403 and change nothing', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  const album = await createAlbum(app, session, 'Kept')
  const other = await signIn(app)
  const forms: Array<[string, Record<string, string>]> = [
    ['/albums', { title: 'Forged' }],
    [`/albums/${album}/edit`, { title: 'Renamed', description: '' }],
    [`/albums/${album}/photos`, { photos: photo.uid }],
    [`/albums/${album}/delete`, {}],
    [`/photos/${photo.uid}/private`, { value: '1' }],
    [`/photos/${photo.uid}/archive`, { value: '1' }]
  ]
  const tokens: Array<[string, Record<string, string>]> = [
    ['missing', {}],
    ['empty', { _csrf: '' }],
    ['wrong', { _csrf: 'not-a-token' }],
    ['truncated', { _csrf: session.csrf.slice(0, -2) }],
    ['another session’s', { _csrf: other.csrf }]
  ]
  for (const [url, fields] of forms) {
    for (const [what, token] of tokens) {
      const res = await rawPost(app, session, url, { ...fields, ...token })
      t.equal(res.statusCode, 403, `${url} with a ${what} token`)
    }
  }
  const last = await rawPost(app, session, '/albums', { title: 'Forged' })
  t.match(last.body, /did not come from this site/)
  assertNoStack(t, last.body)
  t.equal(
    (await db.selectFrom('albums').select('title').where('kind', '=', 'album').execute()).map(a => a.title).join(),
    'Kept'
  )
  t.same(await memberUids(db, album), [], 'no photo added')
  t.same(await db.selectFrom('photos').select(['private', 'archived']).where('id', '=', photo.id).executeTakeFirst(), {
    private: 0,
    archived: 0
  })
})

t.test('CSRF is checked before the body: an invalid body without a token is 403, not 400', async t => {
  const { app } = await buildTestApp(t)
  const session = await signIn(app)
  const [photoUid, albumUid] = ['pnosuchphoto', await createAlbum(app, session, 'Target')]
  const bad: Array<[string, Record<string, string>]> = [
    [`/photos/${photoUid}/private`, { value: 'maybe' }],
    ['/albums', { title: 'x'.repeat(201) }],
    ['/albums', {}],
    [`/albums/${albumUid}/photos`, { photos: 'NOT A UID' }]
  ]
  for (const [url, fields] of bad) {
    t.equal((await rawPost(app, session, url, fields)).statusCode, 403, `${url} without a token`)
    t.equal(
      (await rawPost(app, session, url, { ...fields, _csrf: 'wrong' })).statusCode,
      403,
      `${url} with a wrong token`
    )
  }
})

t.test('with a valid token an invalid body is a clear 400 page', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  const albumUid = await createAlbum(app, session, 'Target')
  const bad: Array<[string, Record<string, string>]> = [
    [`/photos/${photo.uid}/private`, { value: 'maybe' }],
    [`/photos/${photo.uid}/private`, {}],
    ['/albums', { title: 'x'.repeat(201) }],
    [`/albums/${albumUid}/photos`, { photos: 'NOT A UID' }]
  ]
  for (const [url, fields] of bad) {
    const res = await ownerPost(app, session, url, fields)
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /text\/html/)
    t.match(res.body, /not valid/)
    t.match(res.body, /class="sidenav"/, 'still the owner’s page, with navigation')
    assertNoStack(t, res.body, `${url}: no stack trace`)
  }
  t.same(await db.selectFrom('photos').select('private').where('id', '=', photo.id).executeTakeFirst(), { private: 0 })
})
