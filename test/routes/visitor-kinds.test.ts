import t from 'tap'
import type { FastifyInstance } from 'fastify'
import type { Album, AlbumKind } from '../../src/db/schema.ts'
import { ALBUM_KINDS } from '../../src/db/schema.ts'
import { buildTestApp, signIn, type TestApp } from '../helper.ts'
import { albumOfKind, expectedUids, gridUids, manualAlbum, openLink, setFlag, share, visit } from './visitor-helpers.ts'

async function albumFor(test: TestApp, kind: AlbumKind): Promise<Album> {
  if (kind !== 'album') return await albumOfKind(test.db, kind)
  const folder = await albumOfKind(test.db, 'folder')
  const photos = await expectedUids(test.db, folder)
  return await manualAlbum(test.app, test.db, await signIn(test.app), 'Summer & friends', photos)
}

/** The album card of `album` on the /s/:token list page: its cover photo and count. */
/** "12 photos · 3 videos", "1 photo", "2 videos": every item counted. */
const itemCount = (text: string): number =>
  Number(/(\d+) photos?/.exec(text)?.[1] ?? 0) + Number(/(\d+) videos?/.exec(text)?.[1] ?? 0)

async function card(
  app: FastifyInstance,
  cookie: string,
  token: string,
  album: Album
): Promise<{ cover: string | null; count: number }> {
  const page = await visit(app, `/s/${token}`, cookie)
  const html = page.body.split('<article class="album-card">').find(c => c.includes(`href="/s/${token}/${album.uid}"`))
  if (!html) throw new Error('no card')
  return {
    cover: /<img src="\/s\/[^/]+\/[^/]+\/([a-z0-9]+)\/thumb\/tile"/.exec(html)?.[1] ?? null,
    count: itemCount(html)
  }
}

for (const kind of ALBUM_KINDS) {
  t.test(`a visitor sees exactly the visible photos of a ${kind}`, async t => {
    const test = await buildTestApp(t)
    const { app, db } = test
    const album = await albumFor(test, kind)
    const members = await expectedUids(db, album)
    await setFlag(db, members[1], 'private')
    await setFlag(db, members[2], 'archived')
    const visible = await expectedUids(db, album)
    t.equal(visible.length, members.length - 2, 'the private and the archived photo are members but not visible')

    const other = await albumOfKind(db, kind === 'month' ? 'state' : 'month')
    const { token } = await share(db, album, 'kinds-token-1')
    await share(db, other, token)
    const cookie = await openLink(app, token)

    const grid = async (): Promise<{ uids: string[]; count: number }> => {
      const page = await visit(app, `/s/${token}/${album.uid}`, cookie)
      t.equal(page.statusCode, 200)
      return {
        uids: gridUids(page.body).sort(),
        count: itemCount(/<p class="meta">([^<]*)</.exec(page.body)?.[1] ?? '')
      }
    }
    const before = await grid()
    t.same(before.uids, visible, 'grid = DB query')
    t.equal(before.count, visible.length, 'count')
    t.notOk(before.uids.includes(members[1]), 'no private photo')
    t.notOk(before.uids.includes(members[2]), 'no archived photo')
    const slugPage = await visit(app, `/s/${token}/${album.slug}`, cookie)
    t.same(gridUids(slugPage.body).sort(), visible, 'the slug names the same album')

    const { cover } = await card(app, cookie, token, album)
    t.ok(cover && visible.includes(cover), 'the cover is a visible photo')
    await setFlag(db, cover as string, 'private')
    const after = await grid()
    t.notOk(after.uids.includes(cover as string), 'a photo made private leaves the grid at once')
    t.same(after.uids, await expectedUids(db, album))
    t.equal(after.count, visible.length - 1, 'and the count')
    const newCard = await card(app, cookie, token, album)
    t.not(newCard.cover, cover, 'and the cover')
    t.ok(newCard.cover && after.uids.includes(newCard.cover), 'the new cover is visible')
    t.equal(newCard.count, visible.length - 1, 'the card counts visible photos only')
  })
}

t.test('a chosen cover that becomes private is never shown to a visitor', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  const [first, second] = await expectedUids(db, album)
  const chosen = await db.selectFrom('photos').select('id').where('uid', '=', second).executeTakeFirstOrThrow()
  await db.updateTable('albums').set({ cover_photo_id: chosen.id }).where('id', '=', album.id).execute()
  const { token } = await share(db, album, 'cover-token-1')
  await share(db, await albumOfKind(db, 'folder'), token)
  const cookie = await openLink(app, token)
  t.equal((await card(app, cookie, token, album)).cover, second, 'the chosen cover')
  await setFlag(db, second, 'private')
  const cover = (await card(app, cookie, token, album)).cover
  t.not(cover, second)
  t.ok(cover === first || (await expectedUids(db, album)).includes(cover as string))
})
