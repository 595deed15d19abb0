import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { writeClip } from '../src/library/demo/clips.ts'
import { runTool, toolPaths } from '../src/library/media/tools.ts'
import { ROOT } from './helper.ts'

export const HEIC_FIXTURES = join(ROOT, 'test', 'fixtures', 'heic')

const jpeg = async (): Promise<Buffer> =>
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer()

/**
 * A phone's camera roll in miniature, made in `dir`: videos (H.264 MP4 with
 * UTC date and place, HEVC MOV with Apple's date and place, VP8 WebM), a Live
 * Photo pair, RAW+JPEG and a lone RAW, a screenshot dated by its name, and
 * broken files. With `heic`, the HEIC fixtures too.
 */
export async function makeMediaLibrary(dir: string, options: { heic?: boolean } = {}): Promise<void> {
  const { ffmpeg } = toolPaths()
  for (const sub of ['trip', 'live', 'raw', 'bad']) await mkdir(join(dir, sub), { recursive: true })
  await Promise.all([
    writeClip(ffmpeg, join(dir, 'trip', 'paris.mp4'), {
      codec: 'h264',
      seconds: 2,
      audio: true,
      createdAt: '2019-06-12T08:15:00Z',
      location: '+48.8566+002.3522/'
    }),
    writeClip(ffmpeg, join(dir, 'trip', 'florence.mov'), {
      codec: 'hevc',
      seconds: 2,
      width: 320,
      height: 240,
      createdAt: '2019-06-14T10:15:00+0200',
      location: '+43.7696+011.2558+050.000/'
    }),
    writeClip(ffmpeg, join(dir, 'trip', 'clip.WEBM'), { codec: 'vp8', seconds: 2, width: 320, height: 240 }),
    writeClip(ffmpeg, join(dir, 'live', 'IMG_0001.MOV'), {
      codec: 'h264',
      seconds: 1,
      width: 320,
      height: 240,
      createdAt: '2019-06-13T12:00:00+0200'
    }),
    runTool(
      ffmpeg,
      ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', join(dir, 'bad', 'silence.mp4')],
      { timeoutMs: 60_000 }
    )
  ])
  const still = await jpeg()
  await writeFile(join(dir, 'live', 'IMG_0001.JPG'), still)
  await writeFile(join(dir, 'trip', 'Screenshot_2019-06-15-09-30-00.png'), await sharp(still).png().toBuffer())
  await writeFile(join(dir, 'raw', 'DSC_0001.JPG'), still)
  await writeFile(join(dir, 'raw', 'DSC_0001.NEF'), Buffer.concat([Buffer.from('MM\0*'), Buffer.alloc(200)]))
  await writeFile(join(dir, 'raw', 'DSC_0002.NEF'), Buffer.concat([Buffer.from('MM\0*'), Buffer.alloc(200)]))
  await writeFile(join(dir, 'bad', 'notes.mp4'), 'these are notes, not a video\n')
  await writeFile(join(dir, 'bad', 'empty.jpg'), '')
  const paris = await readFile(join(dir, 'trip', 'paris.mp4'))
  await writeFile(join(dir, 'bad', 'truncated.mp4'), paris.subarray(0, 2000))
  if (options.heic) await cp(HEIC_FIXTURES, join(dir, 'heic'), { recursive: true, filter: src => !src.endsWith('.md') })
}
