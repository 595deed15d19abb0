import t from 'tap'
import { readFile, symlink, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { buildTestApp, signIn } from '../helper.ts'
import { clonePhotos, ownerGet, somePhotos } from './owner-helpers.ts'

t.test('thumbnails: webp with an ETag that revalidates to 304', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  for (const size of ['tile', 'view']) {
    const res = await ownerGet(app, session, `/media/thumb/${photo.uid}/${size}`)
    t.equal(res.statusCode, 200, size)
    t.equal(res.headers['content-type'], 'image/webp')
    t.equal(res.rawPayload.subarray(8, 12).toString(), 'WEBP', 'real webp bytes')
    t.match(res.headers['cache-control'], /private/)
    const etag = String(res.headers.etag)
    t.ok(etag, 'has an ETag')
    const again = await ownerGet(app, session, `/media/thumb/${photo.uid}/${size}`, { 'if-none-match': etag })
    t.equal(again.statusCode, 304)
    t.equal(again.rawPayload.length, 0)
  }
  for (const url of [
    `/media/thumb/${photo.uid}/huge`,
    '/media/thumb/pnosuchphoto/tile',
    `/media/thumb/${photo.uid}/..%2f..%2fsession.key`
  ]) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /text\/html/)
  }
})

t.test('originals: type, length, ranges and downloads', async t => {
  const { app, db, config } = await buildTestApp(t)
  const session = await signIn(app)
  const [photo] = await somePhotos(db, 1)
  const bytes = await readFile(join(config.originals, photo.path))
  const url = `/media/original/${photo.uid}`

  const res = await ownerGet(app, session, url)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'image/jpeg')
  t.equal(Number(res.headers['content-length']), bytes.length)
  t.ok(res.rawPayload.equals(bytes), 'the file itself')
  t.equal(res.headers['accept-ranges'], 'bytes')
  t.notOk(res.headers['content-disposition'], 'shown inline unless asked to download')

  const range = await ownerGet(app, session, url, { range: 'bytes=100-199' })
  t.equal(range.statusCode, 206)
  t.equal(range.headers['content-range'], `bytes 100-199/${bytes.length}`)
  t.equal(Number(range.headers['content-length']), 100)
  t.ok(range.rawPayload.equals(bytes.subarray(100, 200)), 'the right bytes')
  const tail = await ownerGet(app, session, url, { range: 'bytes=-10' })
  t.ok(tail.rawPayload.equals(bytes.subarray(-10)), 'a suffix range')
  const outside = await ownerGet(app, session, url, { range: `bytes=${bytes.length + 10}-` })
  t.equal(outside.statusCode, 416)

  const download = await ownerGet(app, session, `${url}?download=1`)
  t.equal(download.statusCode, 200)
  const name = photo.path.split('/').pop() as string
  t.equal(download.headers['content-disposition'], `attachment; filename="${name}"; filename*=UTF-8''${name}`)
  t.ok(download.rawPayload.equals(bytes))
})

t.test('originals never leave the originals folder', async t => {
  const { app, db, config, dir } = await buildTestApp(t)
  const session = await signIn(app)
  const [source] = await somePhotos(db, 1)
  const secret = await readFile(config.sessionKeyFile)
  await symlink(config.sessionKeyFile, join(config.originals, 'key.jpg'))
  await symlink(dir, join(config.originals, 'data-dir'))
  await mkdir(join(config.originals, 'sub'))
  const rows = [
    '../../etc/passwd',
    '/etc/passwd',
    '../session.key',
    'key.jpg',
    'data-dir/session.key',
    'sub/../../session.key',
    '..'
  ]
  const evil = []
  for (const path of rows) evil.push(...(await clonePhotos(db, source, 1, { path })))

  const urls = [
    '/media/original/..%2f..%2fetc%2fpasswd',
    '/media/original/..%2F..%2Fsession.key',
    '/media/original/%2e%2e%2fsession.key',
    '/media/original/../../etc/passwd',
    ...evil.map(p => `/media/original/${p.uid}`),
    ...evil.map(p => `/media/original/${p.uid}?download=1`)
  ]
  for (const url of urls) {
    const res = await ownerGet(app, session, url)
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /text\/html/, `${url}: an error page`)
    t.notMatch(res.body, /root:|daemon:/, `${url}: no passwd bytes`)
    t.notOk(res.rawPayload.includes(secret), `${url}: no key bytes`)
    t.notOk(res.headers['content-disposition'], `${url}: no attachment`)
  }
})
