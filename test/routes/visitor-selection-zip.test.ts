import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildTestApp } from '../helper.ts'
import { zipEntryNames } from '../../src/library/album-zip.ts'
import { selectedAlbumPhotos } from '../../src/library/photos.ts'
import {
  albumOfKind,
  assertVisitorHeaders,
  expectedUids,
  freshClient,
  openLink,
  photoOutside,
  readZip,
  setFlag,
  share,
  unknownLinkBody,
  inZipOrder
} from './visitor-helpers.ts'

/** The grid's form: repeated `photo` fields, posted with the visitor cookie. */
async function postSelection(
  app: FastifyInstance,
  url: string,
  cookie: string,
  uids: string[],
  remoteAddress?: string
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams(uids.map(uid => ['photo', uid]))
  return await app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    ...(remoteAddress ? { remoteAddress } : {}),
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }
  })
}

t.test('a selection zip holds exactly the selected visible photos of the album, named like the album zip', async t => {
  const { app, db, config } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder', 6)
  const uids = await expectedUids(db, album)
  const [a, b, hidden, archived] = uids
  await setFlag(db, hidden, 'private')
  await setFlag(db, archived, 'archived')
  const outsider = await photoOutside(db, album)
  const link = await share(db, album, 'selection-0001')
  const cookie = await openLink(app, link.token)

  const res = await postSelection(app, `/s/${link.token}/${album.uid}/download`, cookie, [
    b,
    a,
    hidden,
    archived,
    outsider,
    'pnosuchphoto00000',
    a,
    '../../etc/passwd'
  ])
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/zip')
  t.match(
    String(res.headers['content-disposition']),
    `filename="${album.title} (selection).zip"`,
    'named after the album, marked as a selection'
  )
  assertVisitorHeaders(t, res, 'selection zip')
  const entries = await readZip(res.rawPayload)
  const photos = await inZipOrder(db, [a, b])
  t.same(
    [...entries.keys()],
    zipEntryNames(photos),
    "exactly the two visible selected photos, in date order, once each, with the album zip's names"
  )
  for (const [i, photo] of photos.entries()) {
    t.ok(
      entries.get(zipEntryNames(photos)[i])?.equals(await readFile(join(config.originals, photo.path))),
      `${photo.path} is the original`
    )
  }

  const none = await postSelection(app, `/s/${link.token}/${album.uid}/download`, cookie, [hidden, outsider])
  t.equal(none.statusCode, 200, 'only refused ids: a valid zip…')
  t.equal((await readZip(none.rawPayload)).size, 0, '…with nothing in it')

  const empty = await postSelection(app, `/s/${link.token}/${album.uid}/download`, cookie, [])
  t.equal(empty.statusCode, 303, 'nothing ticked: back to the album')
  t.equal(empty.headers.location, `/s/${link.token}/${album.uid}`)
})

t.test("the selection zip follows the album zip's rules: session, link, downloads switch, slug", async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'month')
  const [photo] = await expectedUids(db, album)
  const link = await share(db, album, 'selection-0002')
  const url = `/s/${link.token}/${album.uid}/download`
  const invalid = await unknownLinkBody(app)

  const stranger = await postSelection(app, url, '', [photo], freshClient())
  t.equal(stranger.statusCode, 404, 'without the link in the session (a cross-site POST carries no cookie): 404')
  t.equal(stranger.body, invalid, 'the one invalid-link page')

  const cookie = await openLink(app, link.token)
  t.equal(
    (await postSelection(app, `/s/${link.token}/${album.slug}/download`, cookie, [photo])).statusCode,
    200,
    'the album by slug works too'
  )
  t.equal(
    (await postSelection(app, `/s/no-such-link-x/${album.uid}/download`, cookie, [photo], freshClient())).statusCode,
    404,
    'unknown token'
  )

  await db.updateTable('links').set({ allow_downloads: 0 }).where('id', '=', link.id).execute()
  const off = await postSelection(app, url, cookie, [photo], freshClient())
  t.equal(off.statusCode, 404, 'downloads switched off: refused')
  t.equal(off.body, invalid, 'like an unknown link')
  t.notOk(off.headers['content-type']?.toString().includes('zip'), 'no zip bytes')
  const page = await app.inject({ url: `/s/${link.token}/${album.uid}`, headers: { cookie } })
  t.notMatch(page.body, 'data-selection', 'and the album page offers no selection')
  t.notMatch(page.body, 'type="checkbox"')

  await db.updateTable('links').set({ allow_downloads: 1 }).where('id', '=', link.id).execute()
  t.match(
    (await app.inject({ url: `/s/${link.token}/${album.uid}`, headers: { cookie } })).body,
    `<form method="post" action="/s/${link.token}/${album.uid}/download"`,
    'downloads on: the grid is a form that posts to the zip'
  )

  await db.deleteFrom('links').where('id', '=', link.id).execute()
  t.equal((await postSelection(app, url, cookie, [photo], freshClient())).statusCode, 404, 'a deleted link: 404')
})

t.test('without JS: the page ticks every box with ?select=all, and the form carries real checkboxes', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  const uids = await expectedUids(db, album)
  const link = await share(db, album, 'selection-0003')
  const cookie = await openLink(app, link.token)
  const plain = (await app.inject({ url: `/s/${link.token}/${album.uid}`, headers: { cookie } })).body
  for (const uid of uids) {
    t.match(plain, `<input type="checkbox" name="photo" value="${uid}">`, 'one unticked box per photo')
  }
  t.match(plain, 'href="?select=all#grid"', 'a Select all link')
  t.match(plain, 'type="reset"', 'and a Clear button')
  const all = (await app.inject({ url: `/s/${link.token}/${album.uid}?select=all`, headers: { cookie } })).body
  t.equal(
    [...all.matchAll(/name="photo" value="[a-z0-9]+" checked>/g)].length,
    uids.length,
    'select=all ticks every box'
  )
  t.notMatch(
    (await app.inject({ url: `/s/${link.token}/${album.uid}`, headers: { cookie } })).body,
    ' checked>',
    'the cached plain page is not mixed up with it'
  )
})

t.test("selectedAlbumPhotos keeps only the album's photos the audience may see", async t => {
  const { db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder', 4)
  const [a, b, c] = await expectedUids(db, album)
  await setFlag(db, b, 'private')
  const outsider = await photoOutside(db, album)
  t.same((await selectedAlbumPhotos(db, album, 'visitor', [a, b, c, outsider])).map(p => p.uid).sort(), [a, c].sort())
  t.same(
    (await selectedAlbumPhotos(db, album, 'owner', [a, b, c, outsider])).map(p => p.uid).sort(),
    [a, b, c].sort(),
    'the owner sees private photos'
  )
})

t.test('the selection zip counts against the same zip caps', async t => {
  const { app, db } = await buildTestApp(t, { limits: { zips: 1, zipsPerClient: 1 } })
  const album = await albumOfKind(db, 'folder', 2)
  const [photo] = await expectedUids(db, album)
  const link = await share(db, album, 'selection-0004')
  const cookie = await openLink(app, link.token)
  // A zip that holds the only place (released when its response closes).
  const leave = app.limits.zips.tryEnter('someone else')
  t.ok(leave)
  const busy = await postSelection(app, `/s/${link.token}/${album.uid}/download`, cookie, [photo])
  t.equal(busy.statusCode, 503, 'all places taken: 503')
  t.ok(Number(busy.headers['retry-after']) > 0, 'with Retry-After')
  t.match(busy.body, 'Downloads are busy')
  leave!()
  t.equal(
    (await postSelection(app, `/s/${link.token}/${album.uid}/download`, cookie, [photo])).statusCode,
    200,
    'a free place: the zip'
  )
  t.equal(app.limits.zips.inUse, 0, 'and its place is given back')
})
