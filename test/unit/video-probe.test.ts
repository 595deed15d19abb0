import t from 'tap'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeClip, type ClipSpec } from '../../src/library/demo/clips.ts'
import { probeVideo, videoInfo } from '../../src/library/media/probe.ts'
import { runTool, toolPaths } from '../../src/library/media/tools.ts'

const { ffmpeg, ffprobe } = toolPaths()
let dir: string
t.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'albumlink-probe-'))
})
t.teardown(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ffprobeJson = async (file: string, options: string[]): Promise<Parameters<typeof videoInfo>[0]> =>
  JSON.parse(
    (
      await runTool(
        ffprobe,
        ['-v', 'error', ...options, '-print_format', 'json', '-show_format', '-show_streams', '--', file],
        { timeoutMs: 30_000 }
      )
    ).toString()
  ) as Parameters<typeof videoInfo>[0]

/** What ffprobe's full probe (the stream search, frames decoded) makes of a file. */
const fullProbe = async (file: string): Promise<ReturnType<typeof videoInfo>> => videoInfo(await ffprobeJson(file, []))

const copy = async (from: string, to: string, args: string[]): Promise<void> => {
  await runTool(ffmpeg, ['-v', 'error', '-nostdin', '-y', '-i', from, '-c', 'copy', ...args, to], {
    timeoutMs: 60_000
  })
}

t.test('the header-only probe gives the full probe’s facts, for each kind of file', async t => {
  // Three clips of 320×240 with sound, one of each codec; the other files are copies of the MP4.
  const clips: Record<string, ClipSpec> = {
    'paris.mp4': { codec: 'h264', seconds: 2, createdAt: '2019-06-12T08:15:00Z', location: '+48.8566+002.3522/' },
    'florence.MOV': {
      codec: 'hevc',
      seconds: 1.5,
      createdAt: '2019-06-14T10:15:00+0200',
      location: '+43.7696+011.2558+050.000/',
      make: 'Apple',
      model: 'iPhone 12'
    },
    'clip.webm': { codec: 'vp8', seconds: 1 }
  }
  for (const [name, clip] of Object.entries(clips)) {
    await writeClip(ffmpeg, join(dir, name), { width: 320, height: 240, audio: true, ...clip })
  }
  const [mp4, mov, webm] = Object.keys(clips).map(name => join(dir, name))
  const turned = join(dir, 'turned.mp4')
  await copy(mp4, turned, ['-metadata:s:v', 'rotate=90'])
  const threeGp = join(dir, 'old-phone.3gp')
  await copy(mp4, threeGp, [])
  const fragmented = join(dir, 'fragmented.m4v')
  await copy(mp4, fragmented, ['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov'])

  const expected = {
    [mp4]: {
      width: 320,
      height: 240,
      videoCodec: 'h264',
      audioCodec: 'aac',
      takenAtUtc: '2019-06-12T08:15:00.000Z',
      lat: 48.8566,
      lng: 2.3522
    },
    [mov]: {
      videoCodec: 'hevc',
      takenAt: '2019-06-14T10:15:00',
      takenAtUtc: '2019-06-14T08:15:00.000Z',
      lat: 43.7696,
      lng: 11.2558,
      camera: 'Apple iPhone 12'
    },
    [webm]: { videoCodec: 'vp8', audioCodec: 'vorbis', container: /webm/ },
    [turned]: { width: 240, height: 320 },
    [threeGp]: { width: 320, height: 240, container: /3gp/ },
    [fragmented]: { width: 320, height: 240 }
  }
  for (const [file, facts] of Object.entries(expected)) {
    const fast = await probeVideo(ffprobe, file)
    const full = await fullProbe(file)
    t.same(fast, full, `${file}: the same facts either way`)
    t.match(fast, facts, `${file}: the facts the file holds`)
    t.ok(fast.duration > 0.9 && fast.duration < 2.2, `${file}: duration ${fast.duration}`)
  }
})

t.test('an ISO file read without the stream search has no format duration: the longest track gives it', async t => {
  const file = join(dir, 'short.mp4')
  await writeClip(ffmpeg, file, { codec: 'h264', seconds: 1.2, width: 160, height: 120, audio: true })
  const header = await ffprobeJson(file, ['-analyzeduration', '0', '-nofind_stream_info'])
  t.equal(header.format?.duration, undefined, 'ffprobe leaves it out')
  t.equal(videoInfo(header).duration, (await fullProbe(file)).duration)
})

t.test('the type by content decides: a WebM named .mp4 is still read right', async t => {
  const file = join(dir, 'misnamed.mp4')
  await writeClip(ffmpeg, join(dir, 'misnamed.webm'), { codec: 'vp8', seconds: 1, width: 320, height: 240 })
  await rename(join(dir, 'misnamed.webm'), file)
  t.same(await probeVideo(ffprobe, file, 'video/webm'), await fullProbe(file))
  t.same(await probeVideo(ffprobe, file), await fullProbe(file), 'and by its wrong name too')
})
