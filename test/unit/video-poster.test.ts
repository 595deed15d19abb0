import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { writeClip } from '../../src/library/demo/clips.ts'
import { posterFrame, writePosterThumbnails } from '../../src/library/media/poster.ts'
import { runTool, toolPaths } from '../../src/library/media/tools.ts'
import { thumbPath } from '../../src/library/indexer/thumbnails.ts'

const { ffmpeg } = toolPaths()
let dir: string
t.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'albumlink-poster-'))
})
t.teardown(async () => {
  await rm(dir, { recursive: true, force: true })
})

const sizes = async (hash: string): Promise<Array<{ width?: number; height?: number; format?: string }>> =>
  await Promise.all(
    (['view', 'tile'] as const).map(async s => await sharp(thumbPath(join(dir, 'thumbs'), hash, s)).metadata())
  )

t.test('ffmpeg writes the view (fits 1600) and the tile (covers 360) as WebP in one pass', async t => {
  const file = join(dir, 'wide.mp4')
  await writeClip(ffmpeg, file, { codec: 'h264', seconds: 2, width: 1920, height: 1080 })
  await writePosterThumbnails(ffmpeg, file, join(dir, 'thumbs'), 'aa01')
  t.match(await sizes('aa01'), [
    { format: 'webp', width: 1600, height: 900 },
    { format: 'webp', width: 640, height: 360 }
  ])
})

t.test('a portrait (rotated) clip stays portrait, and a clip shorter than a second gets its first frame', async t => {
  const flat = join(dir, 'flat.mp4')
  const turned = join(dir, 'turned.mp4')
  await writeClip(ffmpeg, flat, { codec: 'h264', seconds: 0.4, width: 640, height: 480 })
  await runTool(ffmpeg, ['-v', 'error', '-i', flat, '-c', 'copy', '-metadata:s:v', 'rotate=90', turned], {
    timeoutMs: 60_000
  })
  await writePosterThumbnails(ffmpeg, turned, join(dir, 'thumbs'), 'bb02')
  const [view, tile] = await sizes('bb02')
  t.equal(view.width, 480, 'never enlarged')
  t.equal(view.height, 640)
  t.equal(tile.width, 360, 'the tile covers 360 on its short side')
  t.equal(tile.height, 480)
})

t.test('the raw frame (for an ffmpeg without WebP) is upright pixels', async t => {
  const file = join(dir, 'small.mp4')
  await writeClip(ffmpeg, file, { codec: 'h264', seconds: 0.4, width: 320, height: 240 })
  t.match(await posterFrame(ffmpeg, file), { width: 320, height: 240, channels: 3 })
})

t.test('a file with no frame is refused with a reason', async t => {
  const file = join(dir, 'silence.mp4')
  await runTool(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', file], {
    timeoutMs: 60_000
  })
  await t.rejects(writePosterThumbnails(ffmpeg, file, join(dir, 'thumbs'), 'cc03'))
})
