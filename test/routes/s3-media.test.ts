import t from 'tap'
import { access } from 'node:fs/promises'
import sharp from 'sharp'
import { buildTestApp, signIn } from '../helper.ts'
import { startS3Server, type S3Server } from '../s3-server.ts'
import { thumbKey } from '../../src/library/indexer/thumbnails.ts'
import { S3Storage } from '../../src/storage/s3.ts'
import * as visitor from './visitor-helpers.ts'

let s3: S3Server
t.before(async () => {
  s3 = await startS3Server(t)
})

/** A test app on a bucket, one album shared and opened, and the bucket's name. */
async function sharedOnS3(t: Parameters<typeof buildTestApp>[0], token: string, env: Record<string, string> = {}) {
  const ctx = await buildTestApp(t, { s3, env })
  const album = await visitor.albumOfKind(ctx.db, 'folder')
  const [photo, other] = await visitor.expectedUids(ctx.db, album)
  const link = await visitor.share(ctx.db, album, token)
  const cookie = await visitor.openLink(ctx.app, link.token)
  const hash = async (uid: string): Promise<string> =>
    (await ctx.db.selectFrom('photos').select('hash').where('uid', '=', uid).executeTakeFirstOrThrow()).hash as string
  return { ...ctx, bucket: ctx.config.s3?.bucket ?? '', album, photo, other, link, cookie, hash }
}

t.test('thumbnails stream from the bucket, ETag = content hash, and a 304 asks the bucket nothing', async t => {
  const { app, config, bucket, album, photo, link, cookie, hash } = await sharedOnS3(t, 's3-thumbs-0001')
  t.ok(config.s3, 'the app runs on the bucket')
  t.equal(app.storage.kind, 's3')
  t.rejects(access(config.thumbsDir), 'the local thumbnails folder is gone: every byte comes from the bucket')
  for (const size of ['tile', 'view'] as const) {
    const url = `/s/${link.token}/${album.uid}/${photo}/thumb/${size}`
    const res = await visitor.visit(app, url, cookie)
    t.equal(res.statusCode, 200, size)
    t.equal(res.headers['content-type'], 'image/webp')
    t.equal(res.headers.etag, `"${await hash(photo)}-${size}"`, 'the content hash')
    visitor.assertVisitorHeaders(t, res, size)
    t.equal(res.headers['cache-control'], 'private, no-cache')
    t.same(res.rawPayload, await app.storage.get(thumbKey(await hash(photo), size)), 'the stored bytes')

    const mark = s3.requests.length
    const again = await visitor.visit(app, url, cookie, undefined, { 'if-none-match': String(res.headers.etag) })
    t.equal(again.statusCode, 304)
    t.equal(again.rawPayload.length, 0)
    visitor.assertVisitorHeaders(t, again, `${size} 304`)
    t.same(s3.objectRequests(bucket, mark), [], 'the revalidation made no request to the bucket')
  }
  const owner = await signIn(app)
  const ownerThumb = await app.inject({ url: `/media/thumb/${photo}/tile`, headers: { cookie: owner.cookie } })
  t.equal(ownerThumb.statusCode, 200, 'the owner sees it from the bucket too')
  t.equal(ownerThumb.rawPayload.subarray(8, 12).toString(), 'WEBP')
})

t.test('a revoked link, a hidden photo or a missing object: the uniform 404, the bucket not read', async t => {
  const { app, db, bucket, album, photo, other, link, cookie } = await sharedOnS3(t, 's3-revoked-001')
  const invalid = await visitor.unknownLinkBody(app)
  const url = `/s/${link.token}/${album.uid}/${photo}/thumb/tile`
  const live = await visitor.visit(app, url, cookie)
  t.equal(live.statusCode, 200)

  await visitor.setFlag(db, other, 'private')
  let mark = s3.requests.length
  const hidden = await visitor.visit(
    app,
    `/s/${link.token}/${album.uid}/${other}/thumb/tile`,
    cookie,
    visitor.freshClient()
  )
  t.equal(hidden.statusCode, 404, 'a private photo')
  t.equal(hidden.body, invalid)
  t.same(s3.objectRequests(bucket, mark), [], 'refused before the bucket was asked')

  await db.deleteFrom('links').where('id', '=', link.id).execute()
  mark = s3.requests.length
  for (const headers of [{}, { 'if-none-match': String(live.headers.etag) }] as Array<Record<string, string>>) {
    const res = await visitor.visit(app, url, cookie, visitor.freshClient(), headers)
    t.equal(res.statusCode, 404, `revoked ${JSON.stringify(headers)}`)
    t.equal(res.body, invalid, 'answers like an unknown link')
    t.equal(res.headers.etag, undefined)
    t.match(res.headers['content-type'], /^text\/html/)
  }
  const preview = await visitor.visit(app, `/s/${link.token}/${album.uid}/preview`, '', visitor.freshClient())
  t.equal(preview.statusCode, 404, 'the preview too')
  t.same(s3.objectRequests(bucket, mark), [], 'no request reached the bucket after revocation')
})

t.test('a thumbnail missing from the bucket is the plain 404, without its validator', async t => {
  const { app, album, photo, link, cookie, hash } = await sharedOnS3(t, 's3-missing-001')
  await app.storage.delete(thumbKey(await hash(photo), 'view'))
  const res = await visitor.visit(app, `/s/${link.token}/${album.uid}/${photo}/thumb/view`, cookie)
  t.equal(res.statusCode, 404)
  t.equal(res.headers.etag, undefined)
})

t.test('the link-preview image is made from the bucket and kept there', async t => {
  const { app, bucket, album, link } = await sharedOnS3(t, 's3-preview-01')
  const url = `/s/${link.token}/${album.uid}/preview`
  const first = await visitor.visit(app, url)
  t.equal(first.statusCode, 200)
  t.equal(first.headers['content-type'], 'image/jpeg')
  visitor.assertVisitorHeaders(t, first, 'preview')
  const meta = await sharp(first.rawPayload).metadata()
  t.same([meta.width, meta.height], [1200, 630])
  const kept = [...((await app.storage.listKeys()) ?? [])].filter(k => k.startsWith('previews/'))
  t.equal(kept.length, 1, 'one preview in the bucket')

  let mark = s3.requests.length
  const second = await visitor.visit(app, url)
  t.same(second.rawPayload, first.rawPayload)
  t.same(
    s3.objectRequests(bucket, mark).map(r => r.split('?')[0]),
    [`GET /${bucket}/${kept[0]}`],
    'read back whole, nothing made again'
  )
  mark = s3.requests.length
  t.equal(
    (await visitor.visit(app, url, '', undefined, { 'if-none-match': String(first.headers.etag) })).statusCode,
    304
  )
  t.same(s3.objectRequests(bucket, mark), [], 'a revalidation reads nothing')
})

t.test('ALBUMLINK_S3_REDIRECT=1: a granted thumbnail is a 302 to a presigned URL valid at most 60 s', async t => {
  const env = { ALBUMLINK_S3_REDIRECT: '1' }
  const { app, db, bucket, album, photo, link, cookie, hash } = await sharedOnS3(t, 's3-redirect-01', env)
  const key = thumbKey(await hash(photo), 'tile')
  const url = `/s/${link.token}/${album.uid}/${photo}/thumb/tile`
  let mark = s3.requests.length
  const res = await visitor.visit(app, url, cookie)
  t.equal(res.statusCode, 302)
  visitor.assertVisitorHeaders(t, res, 'redirect')
  t.equal(res.headers.etag, undefined, 'no validator on the redirect')
  t.same(s3.objectRequests(bucket, mark), [], 'the app itself read nothing')
  const location = new URL(String(res.headers.location))
  t.equal(`${location.origin}${location.pathname}`, `${s3.endpoint}/${bucket}/${key}`)
  const expires = Number(location.searchParams.get('X-Amz-Expires'))
  t.ok(expires > 0 && expires <= 60, `X-Amz-Expires ${expires} ≤ 60`)
  const signedAt = location.searchParams.get('X-Amz-Date') ?? ''
  const signed = Date.parse(signedAt.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'))
  t.ok(signed <= Date.now() && signed + expires * 1000 <= Date.now() + 60_000, 'valid no longer than 60 s from now')

  const fetched = await fetch(location)
  t.equal(fetched.status, 200, 's3rver answers the presigned URL')
  t.equal(fetched.headers.get('content-type'), 'image/webp')
  t.equal(fetched.headers.get('cache-control'), 'private, no-cache', 'the bucket answers like the app would')
  t.same(Buffer.from(await fetched.arrayBuffer()), await app.storage.get(key))

  const stale = await (app.storage as S3Storage).presignedUrl(key, {}, Date.now() - 120_000)
  t.equal((await fetch(stale)).status, 403, 'a URL signed two minutes ago is refused by the bucket')

  await db.deleteFrom('links').where('id', '=', link.id).execute()
  mark = s3.requests.length
  const revoked = await visitor.visit(app, url, cookie, visitor.freshClient())
  t.equal(revoked.statusCode, 404, 'revoked: no redirect')
  t.equal(revoked.headers.location, undefined)
  t.equal(revoked.body, await visitor.unknownLinkBody(app))
  t.same(s3.objectRequests(bucket, mark), [], 'and nothing asked of the bucket')
})
