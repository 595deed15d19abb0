import { readdir } from 'node:fs/promises'
import t from 'tap'
import sharp from 'sharp'
import { buildTestApp } from '../helper.ts'
import { previewObjectKey } from '../../src/library/link-preview-image.ts'
import * as visitor from './visitor-helpers.ts'
import { BLUE, GREEN, near, paintView, pixel, RED, visibleInOrder, YELLOW, type Rgb } from './preview-helpers.ts'

/** Centres of the four quarters of a 1200×630 preview. */
const QUARTERS: Array<[number, number]> = [
  [300, 157],
  [900, 157],
  [300, 473],
  [900, 473]
]

t.test('the preview image is a 1200×630 JPEG made of visible photos only', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await visitor.albumOfKind(db, 'month', 5)
  const [kept, ...others] = await visibleInOrder(db, album)
  // Every photo but one is hidden in a different way, and painted red: red in the preview would mean a hidden photo was
  // read.
  const hide = [
    async (uid: string) => await visitor.setFlag(db, uid, 'private'),
    async (uid: string) => await visitor.setFlag(db, uid, 'archived'),
    async (uid: string) => {
      await db.updateTable('photos').set({ missing: 1 }).where('uid', '=', uid).execute()
    }
  ]
  for (const [i, photo] of others.entries()) {
    await paintView(app.storage, photo.hash, RED)
    await hide[i % hide.length](photo.uid)
  }
  await paintView(app.storage, kept.hash, GREEN)
  const link = await visitor.share(db, album, 'preview-image-01')

  const res = await visitor.visit(app, `/s/${link.token}/${album.uid}/preview`)
  t.equal(res.statusCode, 200, 'served without a session')
  t.equal(res.headers['content-type'], 'image/jpeg')
  visitor.assertVisitorHeaders(t, res, 'preview image')
  t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', 'chat apps may show it from their own origin')
  const meta = await sharp(res.rawPayload).metadata()
  t.same([meta.format, meta.width, meta.height], ['jpeg', 1200, 630])
  const stats = await sharp(res.rawPayload).stats()
  t.ok(
    stats.channels[0].max < 90,
    `no red anywhere: no private, archived or missing photo (red max ${stats.channels[0].max})`
  )
  t.ok(stats.channels[1].mean > 170, `the one visible photo fills it (green mean ${stats.channels[1].mean})`)
})

t.test('four photos make a 2×2 collage in date order; a chosen cover stands alone', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await visitor.albumOfKind(db, 'month', 6)
  const photos = await visibleInOrder(db, album)
  const four = photos.slice(0, 4)
  for (const photo of photos.slice(4)) await visitor.setFlag(db, photo.uid, 'private')
  const colours: Rgb[] = [RED, GREEN, BLUE, YELLOW]
  for (const [i, photo] of four.entries()) await paintView(app.storage, photo.hash, colours[i])
  const link = await visitor.share(db, album, 'preview-collage-01')
  const url = `/s/${link.token}/${album.uid}/preview`

  const collage = (await visitor.visit(app, url)).rawPayload
  for (const [i, [x, y]] of QUARTERS.entries()) {
    const found = await pixel(collage, x, y)
    t.ok(near(found, colours[i]), `quarter ${i + 1} shows photo ${i + 1} (${found.join(',')})`)
  }

  await db.updateTable('albums').set({ cover_photo_id: four[2].id }).where('id', '=', album.id).execute()
  const cover = (await visitor.visit(app, url)).rawPayload
  for (const [x, y] of QUARTERS) t.ok(near(await pixel(cover, x, y), BLUE), `the chosen cover fills (${x}, ${y})`)

  await visitor.setFlag(db, four[2].uid, 'private')
  const afterPrivate = (await visitor.visit(app, url)).rawPayload
  t.notOk(near(await pixel(afterPrivate, 300, 157), BLUE), 'a cover made private is not the preview any more')
})

t.test('a preview is made once and then read from disk by its content', async t => {
  const { app, db, config } = await buildTestApp(t)
  const album = await visitor.albumOfKind(db, 'folder')
  const link = await visitor.share(db, album, 'preview-cache-01')
  const url = `/s/${link.token}/${album.uid}/preview`
  const first = await visitor.visit(app, url)
  t.equal(first.statusCode, 200)
  const key = previewObjectKey(String(first.headers.etag).replace(/^"preview-|"$/g, ''))
  const stored = (await app.storage.listKeys()) ?? (await readdir(config.thumbsDir, { recursive: true }))
  const previews = [...stored].filter(k => k.startsWith('previews/') && k.endsWith('.jpg'))
  t.same(previews, [key], 'one file in the preview cache, under its content key')

  const marker = await sharp({ create: { width: 1200, height: 630, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .jpeg()
    .toBuffer()
  await app.storage.put(key, marker)
  t.same((await visitor.visit(app, url)).rawPayload, marker, 'the second request reads the stored file')
  const etag = String(first.headers.etag)
  const again = await visitor.visit(app, url, '', undefined, { 'if-none-match': etag })
  t.equal(again.statusCode, 304, 'a revalidation with the content key makes nothing')
  visitor.assertVisitorHeaders(t, again, 'not modified')

  await visitor.setFlag(db, (await visibleInOrder(db, album))[0].uid, 'private')
  const changed = await visitor.visit(app, url)
  t.not(changed.headers.etag, etag, 'other photos, another key')
  t.notSame(changed.rawPayload, marker, 'and a new image')
  t.equal(
    (await visitor.visit(app, url, '', undefined, { 'if-none-match': etag })).statusCode,
    200,
    'the old key no longer revalidates'
  )
})

t.test('once the link is gone the preview answers exactly like an unknown link', async t => {
  const { app, db, clock } = await buildTestApp(t)
  const album = await visitor.albumOfKind(db, 'folder')
  const other = await visitor.albumOfKind(db, 'month')
  const invalid = await visitor.unknownLinkBody(app)
  const unknown = await visitor.visit(app, '/s/no-such-link-anywhere/preview-x/preview', '', visitor.freshClient())
  const refused = async (url: string, what: string, cookie = ''): Promise<void> => {
    const res = await visitor.visit(app, url, cookie, visitor.freshClient())
    t.equal(res.statusCode, 404, `${what}: 404`)
    t.equal(res.body, invalid, `${what}: the unknown-link page, byte for byte`)
    t.equal(res.headers['content-type'], unknown.headers['content-type'], `${what}: same type`)
    t.equal(res.headers.etag, undefined, `${what}: no content key`)
  }

  const expiring = await visitor.share(db, album, 'preview-expiry-01', new Date(Date.now() + 3600_000).toISOString())
  const url = `/s/${expiring.token}/${album.uid}/preview`
  t.equal((await visitor.visit(app, url)).statusCode, 200, 'live: served')
  await refused(`/s/${expiring.token}/${other.uid}/preview`, 'an album the link does not share')
  clock.now = new Date(Date.now() + 2 * 3600_000)
  await refused(url, 'expired')
  clock.now = new Date()

  const deleted = await visitor.share(db, album, 'preview-delete-01')
  const cookie = await visitor.openLink(app, deleted.token)
  const deletedUrl = `/s/${deleted.token}/${album.uid}/preview`
  t.equal((await visitor.visit(app, deletedUrl, cookie)).statusCode, 200, 'live: served')
  await db.deleteFrom('links').where('id', '=', deleted.id).execute()
  await refused(deletedUrl, 'deleted, without a session')
  await refused(deletedUrl, 'deleted, with the session that opened it', cookie)
})
