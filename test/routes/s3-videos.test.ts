import t from 'tap'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Album } from '../../src/db/schema.ts'
import { buildApp } from '../../src/app.ts'
import { makeRenditions } from '../../src/library/library-jobs.ts'
import { thumbKey } from '../../src/library/indexer/thumbnails.ts'
import { renditionKey } from '../../src/library/media/renditions.ts'
import { S3Storage } from '../../src/storage/s3.ts'
import { buildTestApp, type TestApp } from '../helper.ts'
import { makeMediaLibrary } from '../media-library.ts'
import { startS3Server, type S3Server } from '../s3-server.ts'
import { assertVisitorHeaders, freshClient, openLink, share, unknownLinkBody, visit } from './visitor-helpers.ts'

let s3: S3Server
let ctx: TestApp
let originals: string
let trip: Album
let bucket: string
const photo = async (path: string) =>
  await ctx.db.selectFrom('photos').selectAll().where('path', '=', path).executeTakeFirstOrThrow()

t.before(async () => {
  s3 = await startS3Server(t)
  originals = await mkdtemp(join(tmpdir(), 'albumlink-s3-videos-'))
  await makeMediaLibrary(originals)
  ctx = await buildTestApp(t, { library: { originals }, s3 })
  bucket = ctx.config.s3?.bucket ?? ''
  trip = await ctx.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', 'folder')
    .where('filter', '=', 'trip')
    .executeTakeFirstOrThrow()
})
t.teardown(async () => {
  await rm(originals, { recursive: true, force: true })
})

t.test('indexing into the bucket: photo thumbnails and video posters are objects there', async t => {
  const keys = (await ctx.app.storage.listKeys()) ?? new Set()
  for (const path of ['trip/paris.mp4', 'trip/florence.mov', 'live/IMG_0001.JPG']) {
    const { hash } = await photo(path)
    t.ok(hash && keys.has(thumbKey(hash, 'tile')) && keys.has(thumbKey(hash, 'view')), `${path}: both thumbnails`)
  }
  const { token } = await share(ctx.db, trip, 's3-posters-01')
  const cookie = await openLink(ctx.app, token)
  const paris = await photo('trip/paris.mp4')
  const poster = await visit(ctx.app, `/s/${token}/${trip.uid}/${paris.uid}/thumb/view`, cookie)
  t.equal(poster.statusCode, 200)
  t.equal(poster.rawPayload.subarray(8, 12).toString(), 'WEBP', 'the poster, from the bucket')
})

t.test('a rendition is made into the bucket and streams from it with Range', async t => {
  const { token } = await share(ctx.db, trip, 's3-renditions-1')
  const cookie = await openLink(ctx.app, token)
  const florence = await photo('trip/florence.mov')
  const url = `/s/${token}/${trip.uid}/${florence.uid}/video`
  t.equal((await visit(ctx.app, url, cookie)).statusCode, 404, 'not made yet: the one 404')
  await makeRenditions(ctx.db, ctx.config, ctx.app.indexState)
  t.match(ctx.app.indexState.renditions, { done: 1, total: 1, failed: 0 })
  const stored = await ctx.app.storage.get(renditionKey(florence.hash ?? ''))
  t.ok(stored && stored.length > 1000, 'the rendition is in the bucket')
  if (!stored) return

  const res = await visit(ctx.app, url, cookie, undefined, { range: 'bytes=100-1099' })
  t.equal(res.statusCode, 206)
  t.equal(res.headers['content-type'], 'video/mp4')
  t.equal(res.headers['content-range'], `bytes 100-1099/${stored.length}`)
  t.equal(res.headers['content-length'], '1000')
  t.equal(res.headers['accept-ranges'], 'bytes')
  t.same(res.rawPayload, stored.subarray(100, 1100), 'the exact bytes')
  assertVisitorHeaders(t, res, 'rendition')
  const whole = await visit(ctx.app, url, cookie)
  t.equal(whole.statusCode, 200)
  t.same(whole.rawPayload, stored)
  const outside = await visit(ctx.app, url, cookie, undefined, { range: `bytes=${stored.length + 10}-` })
  t.equal(outside.statusCode, 416)
  t.equal(outside.headers['content-range'], `bytes */${stored.length}`)
  const mark = s3.requests.length
  const again = await visit(ctx.app, url, cookie, undefined, { 'if-none-match': String(res.headers.etag) })
  t.equal(again.statusCode, 304)
  t.notOk(
    s3.objectRequests(bucket, mark, ['GET']).length,
    'a revalidation reads no bytes (a HEAD says the object is there)'
  )
  const download = await visit(ctx.app, `/s/${token}/${trip.uid}/${florence.uid}/original`, cookie)
  t.same(download.rawPayload, await readFile(join(originals, 'trip', 'florence.mov')), 'originals stay in the folder')
})

t.test('redirect mode: the rendition is a 302 to a presigned URL the bucket answers with Range', async t => {
  const redirecting = new S3Storage({
    ...(ctx.config.s3 ?? { bucket, region: 'us-east-1', forcePathStyle: true }),
    redirect: true
  })
  const app = await buildApp(ctx.config, { db: ctx.db, logger: false, storage: redirecting })
  t.teardown(async () => {
    await app.close()
  })
  const florence = await photo('trip/florence.mov')
  const link = await share(ctx.db, trip, 's3-redirect-video')
  const cookie = await openLink(app, link.token)
  const url = `/s/${link.token}/${trip.uid}/${florence.uid}/video`
  const mark = s3.requests.length
  const res = await visit(app, url, cookie, undefined, { range: 'bytes=0-9' })
  t.equal(res.statusCode, 302)
  assertVisitorHeaders(t, res, 'redirect')
  t.same(s3.objectRequests(bucket, mark, ['GET']), [], 'the app read no bytes')
  const location = new URL(String(res.headers.location))
  t.ok(Number(location.searchParams.get('X-Amz-Expires')) <= 60, 'valid at most 60 s')
  const ranged = await fetch(location, { headers: { range: 'bytes=0-9' } })
  t.equal(ranged.status, 206, 'the bucket answers the range')
  t.equal(ranged.headers.get('content-type'), 'video/mp4')
  const stored = await ctx.app.storage.get(renditionKey(florence.hash ?? ''))
  t.same(Buffer.from(await ranged.arrayBuffer()), stored?.subarray(0, 10))

  await ctx.db.deleteFrom('links').where('id', '=', link.id).execute()
  const before = s3.requests.length
  const revoked = await visit(app, url, cookie, freshClient(), { range: 'bytes=0-9' })
  t.equal(revoked.statusCode, 404, 'revoked: the one 404, no redirect')
  t.equal(revoked.body, await unknownLinkBody(app))
  t.same(s3.objectRequests(bucket, before), [], 'and the bucket was not asked')
})
