import t from 'tap'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { loadConfig, ConfigError } from '../../src/config.ts'
import { FolderStorage } from '../../src/storage/folder.ts'
import { storageFor } from '../../src/storage/open-storage.ts'
import { S3Storage } from '../../src/storage/s3.ts'
import type { Storage } from '../../src/storage/storage.ts'
import { writeFiles } from '../../src/storage/write-files.ts'
import { startS3Server } from '../s3-server.ts'

const text = async (stream: Readable | null): Promise<string | null> => {
  if (!stream) return null
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

t.test('S3 variables: read once, validated, with defaults', async t => {
  const s3 = loadConfig({
    ALBUMLINK_S3_ENDPOINT: 'http://minio:9000/',
    ALBUMLINK_S3_BUCKET: 'photos-derived',
    ALBUMLINK_S3_ACCESS_KEY_ID: 'id',
    ALBUMLINK_S3_SECRET_ACCESS_KEY: 'secret',
    ALBUMLINK_S3_FORCE_PATH_STYLE: 'true',
    ALBUMLINK_S3_REDIRECT: '1'
  }).s3
  t.same(s3, {
    endpoint: 'http://minio:9000',
    bucket: 'photos-derived',
    region: 'us-east-1',
    credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    forcePathStyle: true,
    redirect: true
  })
  t.equal(loadConfig({}).s3, undefined, 'no bucket: the thumbnails folder')
  t.match(loadConfig({ ALBUMLINK_S3_BUCKET: 'aws-bucket', ALBUMLINK_S3_REGION: 'eu-west-3' }).s3, {
    endpoint: undefined,
    region: 'eu-west-3',
    credentials: undefined,
    forcePathStyle: false,
    redirect: false
  })
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ ALBUMLINK_S3_ENDPOINT: 'http://minio:9000' }, /ALBUMLINK_S3_ENDPOINT is set but ALBUMLINK_S3_BUCKET is not/],
    [{ ALBUMLINK_S3_REDIRECT: '1' }, /ALBUMLINK_S3_REDIRECT is set but ALBUMLINK_S3_BUCKET is not/],
    [{ ALBUMLINK_S3_BUCKET: 'b1b', ALBUMLINK_S3_ENDPOINT: 'minio:9000' }, /ALBUMLINK_S3_ENDPOINT must be an http/],
    [{ ALBUMLINK_S3_BUCKET: 'Not_A_Bucket' }, /ALBUMLINK_S3_BUCKET must be a bucket name/],
    [{ ALBUMLINK_S3_BUCKET: 'b1b', ALBUMLINK_S3_REDIRECT: 'maybe' }, /ALBUMLINK_S3_REDIRECT must be 1 or 0/],
    [{ ALBUMLINK_S3_BUCKET: 'b1b', ALBUMLINK_S3_ACCESS_KEY_ID: 'id' }, /set both or neither/]
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { constructor: ConfigError, message }, JSON.stringify(env))
  }
  const err = t.throws(() =>
    loadConfig({ ALBUMLINK_S3_BUCKET: 'b1b', ALBUMLINK_S3_REGION: 'NO', ALBUMLINK_S3_SECRET_ACCESS_KEY: '' })
  ) as Error
  t.match(err.message, /ALBUMLINK_S3_REGION/)
})

t.test('storageFor: one store per configuration, the folder without a bucket', async t => {
  const folder = loadConfig({ ALBUMLINK_DATA: '/tmp/x' })
  t.type(await storageFor(folder), FolderStorage)
  t.equal(await storageFor(folder), await storageFor(folder), 'built once')
  t.type(await storageFor(loadConfig({ ALBUMLINK_S3_BUCKET: 'some-bucket' })), S3Storage)
})

const server = startS3Server(t)
const stores: Array<[string, () => Promise<Storage>]> = [
  [
    'folder',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'albumlink-store-'))
      t.teardown(async () => await rm(dir, { recursive: true, force: true }))
      return new FolderStorage(dir)
    }
  ],
  [
    's3',
    async () => {
      const { env } = await (await server).bucket()
      const config = loadConfig(env).s3
      if (!config) throw new Error('no bucket')
      return new S3Storage(config)
    }
  ]
]

for (const [name, make] of stores) {
  t.test(`${name} store: put, get, ranges, head, delete, files written elsewhere`, async t => {
    const store = await make()
    t.equal(await store.get('ab/none.webp'), null, 'a miss is null')
    t.equal(await store.head('ab/none.webp'), null)
    t.equal(await store.open('ab/none.webp'), null)
    t.equal(await store.stream('ab/none.webp'), null)
    t.equal(await store.exists('ab/none.webp'), false)
    await store.put('ab/one.webp', Buffer.from('0123456789'))
    t.equal((await store.get('ab/one.webp'))?.toString(), '0123456789')
    t.equal(await text(await store.stream('ab/one.webp', { start: 2, end: 5 })), '2345')
    const head = await store.head('ab/one.webp')
    t.equal(head?.size, 10)
    t.ok(head?.etag)
    const opened = await store.open('ab/one.webp')
    t.equal(opened?.size, 10)
    t.equal(await text((await opened?.read({ start: 8, end: 9 })) ?? null), '89')
    await store.put('ab/one.webp', Buffer.from('replaced'))
    t.equal((await store.get('ab/one.webp'))?.toString(), 'replaced', 'a put replaces')
    t.equal(await store.exists('ab/one.webp'), true)

    const made = await writeFiles(store, ['cd/a.mp4', 'cd/b.mp4'], async ([a, b]) => {
      await writeFile(a, 'first')
      await writeFile(b, 'second')
      return 'written'
    })
    t.equal(made, 'written')
    t.equal((await store.get('cd/b.mp4'))?.toString(), 'second', 'files a tool wrote are stored')
    await writeFiles(
      store,
      ['ef/kept.webp'],
      async ([path]) => {
        await writeFile(path, 'half')
      },
      async () => false
    )
    if (name === 's3') t.equal(await store.exists('ef/kept.webp'), false, 'nothing put when the writer says so')
    else t.equal(await store.exists('ef/kept.webp'), true, 'in a folder the writer wrote in place')

    const listed = await store.listKeys()
    if (name === 's3') t.same([...(listed ?? [])].sort(), ['ab/one.webp', 'cd/a.mp4', 'cd/b.mp4'], 'listed')
    else t.equal(listed, null, 'a folder is asked per key')
    await store.delete('ab/one.webp')
    t.equal(await store.get('ab/one.webp'), null, 'deleted')
    await store.delete('ab/one.webp')
    t.pass('deleting a missing object is no error')

    const url = await store.presignedUrl('cd/a.mp4')
    if (name === 's3') {
      t.equal(await (await fetch(url ?? '')).text(), 'first', 'a presigned URL reads the object')
      t.equal(new URL(url ?? '').searchParams.get('X-Amz-Expires'), '60')
      const capped = await store.presignedUrl('cd/a.mp4', { expiresIn: 3600 })
      t.equal(new URL(capped ?? '').searchParams.get('X-Amz-Expires'), '60', 'never longer than 60 s')
    } else t.equal(url, null, 'a folder has no URLs')
  })
}

t.test('a folder store refuses keys that leave it', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-store-'))
  t.teardown(async () => await rm(dir, { recursive: true, force: true }))
  const store = new FolderStorage(join(dir, 'thumbs'))
  await writeFile(join(dir, 'secret.txt'), 'secret')
  await t.rejects(store.get('../secret.txt'))
  await t.rejects(store.put('../evil.txt', Buffer.from('x')))
  t.equal(await readFile(join(dir, 'secret.txt'), 'utf8'), 'secret')
})
