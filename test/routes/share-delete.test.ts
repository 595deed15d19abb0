import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import type { AlbumKind } from '../../src/db/schema.ts'
import { runIndex } from '../../src/library/indexer/index.ts'
import { ownerPost } from '../helper.ts'
import {
  addLink,
  albumOfKind,
  allLinks,
  manualAlbum,
  ownerApp,
  ownerGet,
  saveLink,
  storedLink
} from './share-helpers.ts'

t.test('delete asks first, then removes only that link', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'state')
  const doomed = await addLink(o, album)
  const kept = await addLink(o, album)
  const url = `/albums/${album.uid}/links/${doomed}/delete`

  const confirm = await ownerGet(o, url)
  t.equal(confirm.statusCode, 200)
  t.match(
    confirm.body,
    new RegExp(`<form method="post" action="${url}"[^>]*>\\s*<input type="hidden" name="_csrf" value="[^"]+">`),
    'a POST form with its CSRF token'
  )
  t.match(confirm.body, `/s/${(await storedLink(o, doomed))!.token}/${album.slug}`, 'names the link')
  t.ok(await storedLink(o, doomed), 'the GET deleted nothing')

  const res = await ownerPost(o.app, o.session, url)
  t.equal(res.statusCode, 303)
  t.equal(res.headers.location, `/albums/${album.uid}/share`)
  t.same(
    (await allLinks(o)).map(l => l.id),
    [kept],
    'only that link is gone'
  )
  t.equal((await ownerPost(o.app, o.session, url)).statusCode, 404, 'a second delete finds nothing')
})

t.test("deleting one album's link of a shared secret leaves the other album shared", async t => {
  const o = await ownerApp(t)
  const a = await albumOfKind(o, 'month')
  const b = await albumOfKind(o, 'moment')
  const linkA = (await storedLink(o, await addLink(o, a)))!
  await saveLink(o, b, (await storedLink(o, await addLink(o, b)))!, { secret: linkA.token })

  await ownerPost(o.app, o.session, `/albums/${a.uid}/links/${linkA.id}/delete`)
  const open = await o.app.inject({ url: `/s/${linkA.token}` })
  t.equal(open.statusCode, 303, 'the secret still opens')
  t.equal(open.headers.location, `/s/${linkA.token}/${b.uid}`, 'now straight to the one album left')
  t.equal((await o.app.inject({ url: `/s/${linkA.token}/${b.slug}` })).statusCode, 200)
  t.equal(
    (await o.app.inject({ url: `/s/${linkA.token}/${a.slug}` })).statusCode,
    404,
    'the unshared album is gone from it'
  )
  t.notMatch((await ownerGet(o, `/albums/${b.uid}/share`)).body, 'also shares', 'B no longer names A')
})

t.test('deleting a manual album deletes its links', async t => {
  const o = await ownerApp(t)
  const album = await manualAlbum(o, 'Short-lived')
  const { token } = (await storedLink(o, await addLink(o, album)))!
  t.equal((await ownerPost(o.app, o.session, `/albums/${album.uid}/delete`)).statusCode, 303)
  t.same(
    (await allLinks(o)).filter(l => l.album_id === album.id),
    [],
    'its links are gone'
  )
  t.equal((await o.app.inject({ url: `/s/${token}` })).statusCode, 404)
})

t.test('re-indexing keeps the links of derived albums, even while a folder is briefly missing', async t => {
  const o = await ownerApp(t)
  const index = async (): Promise<unknown> =>
    await runIndex(o.db, { originals: o.config.originals, thumbsDir: o.config.thumbsDir })
  const shared = []
  for (const kind of ['moment', 'month', 'state', 'folder'] as AlbumKind[]) {
    const album = await albumOfKind(o, kind)
    shared.push({ album, link: (await storedLink(o, await addLink(o, album)))! })
  }
  await index()
  for (const { album, link } of shared) {
    t.same(await storedLink(o, link.id), link, `${album.kind} link kept`)
    t.equal(
      (await o.app.inject({ url: `/s/${link.token}/${album.slug}` })).statusCode,
      200,
      `${album.kind} still opens`
    )
  }

  const folder = shared.find(s => s.album.kind === 'folder')!.album
  const link = (await allLinks(o)).find(l => l.album_id === folder.id)!
  const path = join(o.config.originals, folder.filter)
  const away = join(o.dir, 'away')
  await rename(path, away)
  await index()
  t.same(await storedLink(o, link.id), link, 'the emptied folder keeps its link')
  await rename(away, path)
  await index()
  t.same(await storedLink(o, link.id), link, 'and has it when the folder is back')
  const page = await o.app.inject({ url: `/s/${link.token}/${folder.slug}` })
  t.equal(page.statusCode, 200)
  t.match(page.body, /<li class="tile/, 'with its photos again')
})
