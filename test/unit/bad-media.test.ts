import t from 'tap'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Kysely } from 'kysely'
import { connectDb } from '../../src/db/connect.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { DB } from '../../src/db/schema.ts'
import { runIndex } from '../../src/library/indexer/index.ts'
import { writeClip } from '../../src/library/demo/clips.ts'
import { runTool, toolPaths } from '../../src/library/media/tools.ts'

let db: Kysely<DB>
let dir: string
const originals = (): string => join(dir, 'originals')

t.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'albumlink-bad-media-'))
  await mkdir(originals())
  db = connectDb(join(dir, 'albumlink.db'))
  await migrateToLatest(db)
})
t.teardown(async () => {
  await db.destroy()
  await rm(dir, { recursive: true, force: true })
})

const errorOf = async (path: string): Promise<string | null> =>
  (await db.selectFrom('photos').select('error').where('path', '=', path).executeTakeFirstOrThrow()).error

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

/** A valid small PNG whose header claims width × height. */
async function hugePng(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
    .png()
    .toBuffer()
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

t.test('a 50000×50000 image, a HEIC that is not one, a JPEG named .png: listed or read, never hanging', async t => {
  await writeFile(join(originals(), 'huge.png'), await hugePng(50_000, 50_000))
  await writeFile(
    join(originals(), 'odd.heic'),
    Buffer.concat([Buffer.from('\0\0\0\x18ftypmif1\0\0\0\0mif1heic'), Buffer.alloc(500, 7)])
  )
  await writeFile(
    join(originals(), 'really-a-jpeg.png'),
    await sharp({ create: { width: 20, height: 10, channels: 3, background: '#f00' } })
      .jpeg()
      .toBuffer()
  )
  const started = Date.now()
  const stats = await runIndex(db, { originals: originals(), thumbsDir: join(dir, 'thumbs') })
  t.ok(Date.now() - started < 20_000)
  t.match(stats, { processed: 1, failed: 2 })
  t.match(await errorOf('huge.png'), /^image too large: /)
  t.match(await errorOf('odd.heic'), /^not a readable HEIF image/)
  t.equal(await errorOf('really-a-jpeg.png'), null)
  t.match(
    await db.selectFrom('photos').select('mime').where('path', '=', 'really-a-jpeg.png').executeTakeFirstOrThrow(),
    { mime: 'image/jpeg' }
  )
})

t.test('ffmpeg and ffprobe are killed past their time limit', async t => {
  const { ffmpeg } = toolPaths()
  const started = Date.now()
  await t.rejects(
    runTool(ffmpeg, ['-v', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc', '-f', 'null', '-'], { timeoutMs: 500 }),
    { message: /took longer than 1 s and was stopped/ }
  )
  t.ok(Date.now() - started < 5000)
})

t.test('a tool that crashes is named as crashed, with its signal', async t => {
  await t.rejects(runTool('sh', ['-c', 'kill -SEGV $$'], { timeoutMs: 5000 }), {
    message: 'sh crashed on this file (SIGSEGV); a system build may read it'
  })
})

t.test(
  'without working video tools videos are unreadable with the reason, photos index; with them the videos come back',
  async t => {
    await writeClip(toolPaths().ffmpeg, join(originals(), 'clip.mp4'), {
      codec: 'h264',
      seconds: 1,
      width: 160,
      height: 120
    })
    const broken = { ffmpeg: join(dir, 'no-ffmpeg'), ffprobe: join(dir, 'no-ffprobe') }
    await runIndex(db, { originals: originals(), thumbsDir: join(dir, 'thumbs'), tools: broken })
    t.match(
      await errorOf('clip.mp4'),
      /^video tools unavailable: cannot run no-ffprobe: .*\(set ALBUMLINK_FFMPEG \/ ALBUMLINK_FFPROBE\)$/
    )
    t.equal(await errorOf('really-a-jpeg.png'), null)
    await runIndex(db, { originals: originals(), thumbsDir: join(dir, 'thumbs') })
    t.equal(await errorOf('clip.mp4'), null, 'indexed once ffmpeg works, though the file did not change')
  }
)
