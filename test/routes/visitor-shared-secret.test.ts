import t from 'tap'
import { buildTestApp, cookiesFrom, ownerPost, signIn } from '../helper.ts'
import { albumOfKind, expectedUids, gridUids, visit } from './visitor-helpers.ts'

t.test('one secret on two albums shares both, and each can be withdrawn alone', async t => {
  const { app, db } = await buildTestApp(t)
  const owner = await signIn(app)
  const first = await albumOfKind(db, 'state')
  const second = await albumOfKind(db, 'folder', 7)
  const secret = 'family-summer-2024'
  const linkIds: number[] = []
  for (const album of [first, second]) {
    const added = await ownerPost(app, owner, `/albums/${album.uid}/links`)
    const id = Number(/open=(\d+)/.exec(String(added.headers.location))?.[1])
    const saved = await ownerPost(app, owner, `/albums/${album.uid}/links/${id}`, {
      secret: ' Family-Summer-2024 ',
      expires: 'never'
    })
    t.equal(saved.statusCode, 303, `secret saved on ${album.title}`)
    linkIds.push(id)
  }

  const list = await visit(app, `/s/${secret}`)
  t.equal(list.statusCode, 200, 'the link opens a list')
  t.match(list.body, 'This link shares 2 albums')
  for (const album of [first, second]) t.match(list.body, `href="/s/${secret}/${album.uid}"`, album.title)
  let cookie = cookiesFrom(list)

  for (const album of [first, second]) {
    const page = await visit(app, `/s/${secret}/${album.uid}`, cookie)
    t.equal(page.statusCode, 200, `${album.title} is reachable`)
    t.same(gridUids(page.body).sort(), await expectedUids(db, album))
    t.match(page.body, `href="/s/${secret}"`, 'with a way back to the list')
  }
  const inFirst = new Set(await expectedUids(db, first))
  const onlyInSecond = (await expectedUids(db, second)).find(uid => !inFirst.has(uid)) as string
  t.ok(onlyInSecond)
  t.equal(
    (await visit(app, `/s/${secret}/${first.uid}/${onlyInSecond}`, cookie)).statusCode,
    404,
    'a photo is shown only under its own album'
  )

  const removed = await ownerPost(app, owner, `/albums/${first.uid}/links/${linkIds[0]}/delete`)
  t.equal(removed.statusCode, 303)
  t.equal((await visit(app, `/s/${secret}/${first.uid}`, cookie)).statusCode, 404, 'the withdrawn album is gone')
  const [photo] = await expectedUids(db, second)
  t.equal(
    (await visit(app, `/s/${secret}/${second.uid}/${photo}/thumb/tile`, cookie)).statusCode,
    200,
    'the other still works in the open session'
  )
  const reopened = await visit(app, `/s/${secret}`)
  t.equal(reopened.statusCode, 303, 'opening the link now goes straight to the one album left')
  t.equal(reopened.headers.location, `/s/${secret}/${second.uid}`)
  cookie = cookiesFrom(reopened)
  t.equal((await visit(app, `/s/${secret}/${second.uid}/${photo}/original`, cookie)).statusCode, 200)
})
