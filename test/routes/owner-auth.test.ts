import t from 'tap'
import { buildTestApp, cookiesFrom, csrfFrom } from '../helper.ts'
import { somePhotos } from './owner-helpers.ts'

t.test('anonymous GETs of owner pages are sent to sign in, coming back afterwards', async t => {
  const { app, db } = await buildTestApp(t)
  const [photo] = await somePhotos(db, 1)
  const album = await db.selectFrom('albums').select('uid').executeTakeFirstOrThrow()
  const pages = [
    '/albums',
    '/moments',
    '/calendar',
    '/states',
    '/folders',
    '/photos',
    '/archive',
    `/albums/${album.uid}`,
    `/photos/${photo.uid}`,
    `/media/thumb/${photo.uid}/tile`,
    `/media/original/${photo.uid}`,
    '/albums/new',
    '/photos?page=2'
  ]
  for (const url of pages) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 302, url)
    t.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`, `${url} comes back after sign-in`)
    t.notMatch(String(res.headers['content-type']), /^image\//, `${url} sends no image`)
  }
  const login = await app.inject({ url: `/login?next=${encodeURIComponent(`/photos/${photo.uid}`)}` })
  t.equal(login.statusCode, 200)
  t.match(login.body, `name="next" value="/photos/${photo.uid}"`)
})

t.test('anonymous POSTs get 401 and change nothing', async t => {
  const { app, db } = await buildTestApp(t)
  const [photo] = await somePhotos(db, 1)
  // A real CSRF pair from the login page: the guard must refuse even a well-formed form.
  const page = await app.inject({ url: '/login' })
  const cookie = cookiesFrom(page)
  const _csrf = csrfFrom(page.body)
  const before = await db
    .selectFrom('albums')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const posts: Array<[string, Record<string, string>]> = [
    ['/albums', { _csrf, title: 'Sneaky' }],
    [`/photos/${photo.uid}/private`, { _csrf, value: '1' }],
    [`/photos/${photo.uid}/archive`, { _csrf, value: '1' }]
  ]
  for (const [url, fields] of posts) {
    for (const headers of [{}, { cookie }]) {
      const res = await app.inject({ method: 'POST', url, headers, payload: fields })
      t.equal(res.statusCode, 401, url)
      t.match(res.body, /sign in/i)
      t.match(res.headers['content-type'], /text\/html/)
    }
  }
  const after = await db
    .selectFrom('albums')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  t.equal(Number(after.n), Number(before.n), 'no album created')
  const row = await db
    .selectFrom('photos')
    .select(['private', 'archived'])
    .where('id', '=', photo.id)
    .executeTakeFirstOrThrow()
  t.same(row, { private: 0, archived: 0 }, 'photo unchanged')
})
