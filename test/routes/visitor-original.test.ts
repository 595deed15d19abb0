import t from 'tap'
import { mkdtemp, mkdir, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { buildTestApp } from '../helper.ts'
import { albumOfKind, openLink, share, visit } from './visitor-helpers.ts'

const AWKWARD = 'He said "hi"; 100% «Ünïcødé» \'x\'\r\nX-Injected: yes.jpg'

/**
 * An originals folder with a plain and an awkwardly named jpeg, indexed into a fresh app; its folder album shared by a
 * link with `token`, opened in a browser (`cookie`); `photos` are the two files.
 */
async function sharedTrip(t: Parameters<typeof buildTestApp>[0], token: string) {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-originals-'))
  t.teardown(async () => await rm(dir, { recursive: true, force: true }))
  await mkdir(join(dir, 'trip'))
  const jpeg = async (seed: number): Promise<Buffer> =>
    await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed, g: 120, b: 200 } } })
      .jpeg()
      .toBuffer()
  await sharp(await jpeg(10)).toFile(join(dir, 'trip', 'plain.jpg'))
  await sharp(await jpeg(200)).toFile(join(dir, 'trip', AWKWARD))
  const { app, db } = await buildTestApp(t, { library: { originals: dir } })
  const album = await albumOfKind(db, 'folder', 2)
  const photos = await db.selectFrom('photos').select(['uid', 'path']).where('folder', '=', 'trip').execute()
  const link = await share(db, album, token)
  return { app, db, dir, album, photos, link, cookie: await openLink(app, link.token) }
}

t.test('originals: type, length, ranges and a safe attachment header', async t => {
  const { app, dir, album, photos, link, cookie } = await sharedTrip(t, 'originals-0001')
  t.equal(photos.length, 2, 'both files are indexed')

  for (const photo of photos) {
    const name = photo.path.split('/').pop() as string
    const bytes = await readFile(join(dir, photo.path))
    const url = `/s/${link.token}/${album.uid}/${photo.uid}/original`
    const res = await visit(app, url, cookie)
    t.equal(res.statusCode, 200, name)
    t.equal(res.headers['content-type'], 'image/jpeg')
    t.equal(Number(res.headers['content-length']), bytes.length)
    t.ok(res.rawPayload.equals(bytes), 'the original bytes')
    t.equal(res.headers['accept-ranges'], 'bytes')

    const disposition = String(res.headers['content-disposition'])
    t.match(
      disposition,
      /^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/,
      'attachment, ASCII fallback, RFC 5987 name'
    )
    t.notMatch(disposition, /[\r\n]/, 'no line break can reach the header')
    t.notOk(res.headers['x-injected'], 'no header injected')
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] as string
    t.equal(decodeURIComponent(encoded), name, 'filename* decodes to the exact file name')

    const range = await visit(app, url, cookie, undefined, { range: 'bytes=10-19' })
    t.equal(range.statusCode, 206, 'Range → 206')
    t.equal(range.headers['content-range'], `bytes 10-19/${bytes.length}`)
    t.equal(Number(range.headers['content-length']), 10)
    t.ok(range.rawPayload.equals(bytes.subarray(10, 20)))
    t.match(range.headers['content-disposition'], /^attachment;/)

    const beyond = await visit(app, url, cookie, undefined, { range: `bytes=${bytes.length + 10}-` })
    t.equal(beyond.statusCode, 416, 'an unsatisfiable range is 416')
  }
})

t.test('an original that cannot be served is a 404 page, never a download', async t => {
  const { app, db, dir, album, photos, link, cookie } = await sharedTrip(t, 'originals-0002')
  const [first, second] = photos
  await rename(join(dir, first.path), join(dir, 'trip', 'back\\slash.jpg'))
  await db.updateTable('photos').set({ path: 'trip/back\\slash.jpg' }).where('uid', '=', first.uid).execute()
  await db.updateTable('photos').set({ path: 'trip' }).where('uid', '=', second.uid).execute()
  const folder = await visit(app, `/s/${link.token}/${album.uid}/${second.uid}/original`, cookie)
  t.equal(folder.statusCode, 404, 'a path that is a folder')
  t.match(folder.headers['content-type'], /^text\/html/)
  t.notOk(folder.headers['content-disposition'], 'the error page is not offered as a download')
  // Originals are opened by their database path, not through a URL-to-file mapping, so any name a file system allows
  // works.
  const backslash = await visit(app, `/s/${link.token}/${album.uid}/${first.uid}/original`, cookie)
  t.equal(backslash.statusCode, 200, 'a name with a backslash is served')
  t.ok(backslash.rawPayload.equals(await readFile(join(dir, 'trip', 'back\\slash.jpg'))), 'byte for byte')
})
