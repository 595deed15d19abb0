import t from 'tap'
import { signIn, ownerPost } from '../helper.ts'
import { connectDb } from '../../src/db/connect.ts'
import { thumbKey } from '../../src/library/indexer/thumbnails.ts'
import { gridUids, openedShare, share, unknownLinkBody, visit } from './visitor-helpers.ts'

// The album page and thumbnail membership are cached per data version; these
// prove a cached answer never outlives the change that should end it.
t.test('a thumbnail served once stops at once when its photo is made private by the owner', async t => {
  const { app, album, photo, link, cookie } = await openedShare(t, 'state', 'cache-0001')
  const tile = `/s/${link.token}/${album.uid}/${photo}/thumb/tile`
  t.equal((await visit(app, tile, cookie)).statusCode, 200, 'served (and its membership cached)')
  t.equal((await visit(app, tile, cookie)).statusCode, 200, 'served again from the cache')
  const owner = await signIn(app)
  t.equal((await ownerPost(app, owner, `/photos/${photo}/private`, { value: '1' })).statusCode, 303)
  const after = await visit(app, tile, cookie)
  t.equal(after.statusCode, 404)
  t.equal(after.body, await unknownLinkBody(app))
})

t.test('thumbnail bytes kept in memory are still only served through a live link', async t => {
  const { app, db, album, photo, link, cookie } = await openedShare(t, 'folder', 'cache-0004')
  const tile = `/s/${link.token}/${album.uid}/${photo}/thumb/tile`
  const first = await visit(app, tile, cookie)
  t.equal(first.statusCode, 200)
  const { hash } = await db.selectFrom('photos').select('hash').where('uid', '=', photo).executeTakeFirstOrThrow()
  await app.storage.delete(thumbKey(hash ?? '', 'tile'))
  t.notOk(await app.storage.exists(thumbKey(hash ?? '', 'tile')), 'gone from the store')
  const again = await visit(app, tile, cookie)
  t.equal(again.statusCode, 200, 'served from memory')
  t.ok(again.rawPayload.equals(first.rawPayload), 'the same bytes')
  const owner = await signIn(app)
  t.equal((await ownerPost(app, owner, `/albums/${album.uid}/links/${link.id}/delete`)).statusCode, 303)
  const after = await visit(app, tile, cookie)
  t.equal(after.statusCode, 404, 'the link deleted: refused, though the bytes are in memory')
  t.equal(after.body, await unknownLinkBody(app))
})

t.test('a write by another process (a CLI index run) refreshes a cached album page', async t => {
  const { app, config, album, photo, link, cookie } = await openedShare(t, 'folder', 'cache-0002')
  const page = `/s/${link.token}/${album.uid}`
  t.ok(gridUids((await visit(app, page, cookie)).body).includes(photo), 'rendered and cached with the photo')
  const otherProcess = connectDb(config.database)
  await otherProcess.updateTable('photos').set({ private: 1 }).where('uid', '=', photo).execute()
  await otherProcess.destroy()
  t.notOk(gridUids((await visit(app, page, cookie)).body).includes(photo), 'the next request no longer shows it')
})

t.test(
  "the list of a token's albums is kept per data version: a photo made private leaves its count at once",
  async t => {
    const { app, db, album, photo, link, cookie } = await openedShare(t, 'state', 'cache-0003')
    const month = await db.selectFrom('albums').selectAll().where('kind', '=', 'month').executeTakeFirstOrThrow()
    await share(db, month, link.token)
    const countOf = (html: string): string | undefined =>
      new RegExp(`${album.title}[\\s\\S]*?(\\d+) photos?`).exec(html)?.[1]
    const before = countOf((await visit(app, `/s/${link.token}`, cookie)).body)
    t.ok(before, 'the list shows the count')
    t.equal(countOf((await visit(app, `/s/${link.token}`, cookie)).body), before, 'the same from the cache')
    await db.updateTable('photos').set({ private: 1 }).where('uid', '=', photo).execute()
    t.equal(
      countOf((await visit(app, `/s/${link.token}`, cookie)).body),
      String(Number(before) - 1),
      'one fewer at the next request'
    )
  }
)
