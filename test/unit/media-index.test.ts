import t from 'tap'
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Photo } from '../../src/db/schema.ts'
import { thumbPath } from '../../src/library/indexer/thumbnails.ts'
import { listProblems } from '../../src/library/problems.ts'
import { makeMediaLibrary } from '../media-library.ts'
import { indexedLibrary } from './indexed-library.ts'

const lib = indexedLibrary(t, async dir => {
  await makeMediaLibrary(join(lib.dir, 'originals'), { heic: true })
  return join(lib.dir, 'originals')
})
const row = lib.photo

t.test('every HEIC/HEIF file indexes with its date, place and upright size', async t => {
  const iphone = row('heic/IMG_5195.HEIC')
  t.match(iphone, {
    error: null,
    media: 'image',
    mime: 'image/heic',
    taken_at: '2021-04-11T15:47:53',
    taken_at_utc: '2021-04-11T20:47:53.000Z',
    camera: 'Apple iPhone 11 Pro Max',
    width: 2566,
    height: 3313
  })
  t.match(row('heic/iphone_13_pro_max.HEIC'), { error: null, width: 3024, height: 4032 }, 'portrait comes out portrait')
  const nokia = row('heic/HMD_Nokia_8.3_5G.heif')
  t.match(nokia, { error: null, country_code: 'ES', taken_at: '2022-02-03T14:44:07' })
  t.ok(nokia.lat && nokia.lng)
  t.match(row('heic/samplefilehub.heif'), { error: null, width: 640, height: 426 })
  for (const p of [...lib.byPath.values()].filter(p => p.path.startsWith('heic/'))) {
    t.ok(await stat(thumbPath(join(lib.dir, 'thumbs'), p.hash ?? '', 'tile')), `${p.path} has a tile`)
  }
})

t.test('videos: duration, size, codecs, date and place from ffprobe, a poster as thumbnails', async t => {
  const videos: Record<string, Partial<Photo>> = {
    'trip/paris.mp4': {
      error: null,
      media: 'video',
      mime: 'video/mp4',
      video_codec: 'h264',
      audio_codec: 'aac',
      playable: 1,
      width: 640,
      height: 360,
      taken_at_utc: '2019-06-12T08:15:00.000Z',
      country_code: 'FR',
      taken_estimated: 0
    },
    'trip/florence.mov': {
      error: null,
      media: 'video',
      mime: 'video/quicktime',
      video_codec: 'hevc',
      playable: 0,
      taken_at: '2019-06-14T10:15:00',
      taken_at_utc: '2019-06-14T08:15:00.000Z',
      country_code: 'IT',
      state: 'Toscana'
    },
    'trip/clip.WEBM': { error: null, mime: 'video/webm', video_codec: 'vp8', playable: 1, taken_estimated: 1 }
  }
  const paris = row('trip/paris.mp4')
  t.ok(paris.duration && Math.abs(paris.duration - 2) < 0.2, `duration ${paris.duration}`)
  for (const [path, facts] of Object.entries(videos)) {
    t.match(row(path), facts, path)
    for (const size of ['tile', 'view'] as const) {
      t.ok(
        (await stat(thumbPath(join(lib.dir, 'thumbs'), row(path).hash ?? '', size))).size > 500,
        `${path} ${size} poster`
      )
    }
  }
})

t.test('dates and titles from file names', async t => {
  t.match(row('trip/Screenshot_2019-06-15-09-30-00.png'), {
    error: null,
    taken_at: '2019-06-15T09:30:00',
    taken_estimated: 0,
    title: 'Screenshot 2019-06-15-09-30-00'
  })
  t.match(row('trip/paris.mp4'), { title: 'Paris' })
  t.match(row('trip/clip.WEBM'), { title: 'Clip' })
})

t.test('a Live Photo is one item: the clip belongs to its still', async t => {
  const still = row('live/IMG_0001.JPG')
  t.match(row('live/IMG_0001.MOV'), { error: null, media: 'video', companion_of: still.id })
  t.equal(still.companion_of, null)
})

t.test('RAW beside a JPEG shows the JPEG; a lone RAW is unsupported', async t => {
  t.equal(lib.byPath.get('raw/DSC_0001.NEF'), undefined)
  t.equal(row('raw/DSC_0001.JPG').error, null)
  t.match(row('raw/DSC_0002.NEF').error, /^RAW photo without a JPEG beside it/)
})

t.test('bad files are listed on the Problems list with a reason, and nothing hangs', async t => {
  const problems = new Map((await listProblems(lib.db)).map(p => [p.path, p.error]))
  t.match(problems.get('bad/notes.mp4'), /^not a readable video: the content is no image or video format/)
  t.equal(problems.get('bad/empty.jpg'), 'empty file (0 bytes)')
  t.match(problems.get('bad/silence.mp4'), /no video stream/)
  t.match(problems.get('bad/truncated.mp4'), /^not a readable video: /)
  t.equal(problems.size, 5, [...problems.keys()].join(', '))
  t.equal(lib.stats.failed, 5)
})

t.test('a second run does no work; a file that becomes readable leaves the Problems list', async t => {
  const again = await lib.index()
  t.match(again, { processed: 0, failed: 5 })
  await rm(join(lib.dir, 'originals', 'bad', 'empty.jpg'))
  await rm(join(lib.dir, 'originals', 'bad', 'notes.mp4'))
  await lib.index()
  const paths = (await listProblems(lib.db)).map(p => p.path)
  t.notOk(paths.includes('bad/empty.jpg'))
  t.equal(paths.length, 3)
})
