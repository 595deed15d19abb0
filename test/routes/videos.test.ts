import t from 'tap'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Album } from '../../src/db/schema.ts'
import { makeRenditions } from '../../src/library/library-jobs.ts'
import { probeVideo } from '../../src/library/media/probe.ts'
import { toolPaths } from '../../src/library/media/tools.ts'
import { buildTestApp, signIn, ownerPost, type TestApp } from '../helper.ts'
import { makeMediaLibrary } from '../media-library.ts'
import {
  assertVisitorHeaders,
  freshClient,
  gridUids,
  openLink,
  readZip,
  setFlag,
  share,
  unknownLinkBody,
  visit
} from './visitor-helpers.ts'

let ctx: TestApp
let originals: string
let trip: Album
let live: Album
const uid = async (path: string): Promise<string> =>
  (await ctx.db.selectFrom('photos').select('uid').where('path', '=', path).executeTakeFirstOrThrow()).uid
const folder = async (filter: string): Promise<Album> =>
  await ctx.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', 'folder')
    .where('filter', '=', filter)
    .executeTakeFirstOrThrow()

t.before(async () => {
  originals = await mkdtemp(join(tmpdir(), 'albumlink-videos-'))
  await makeMediaLibrary(originals)
  ctx = await buildTestApp(t, { library: { originals } })
  trip = await folder('trip')
  live = await folder('live')
})
t.teardown(async () => {
  await rm(originals, { recursive: true, force: true })
})

t.test('grids show videos with a play badge and their length; counts tell photos from videos', async t => {
  const { token } = await share(ctx.db, trip, 'videos-grid-1')
  const cookie = await openLink(ctx.app, token)
  const page = await visit(ctx.app, `/s/${token}/${trip.uid}`, cookie)
  t.match(page.body, '1 photo · 3 videos')
  t.equal((page.body.match(/class="video-badge"/g) ?? []).length, 3)
  t.match(page.body, />0:02</)
  const owner = await signIn(ctx.app)
  const ownerPage = await ctx.app.inject({ url: `/albums/${trip.uid}`, headers: { cookie: owner.cookie } })
  t.match(ownerPage.body, '1 photo · 3 videos')
  t.equal((ownerPage.body.match(/class="video-badge"/g) ?? []).length, 3)
})

t.test('a browser-playable original streams with Range: 206, its type, the exact bytes', async t => {
  const { token } = await share(ctx.db, trip, 'videos-range-1')
  const cookie = await openLink(ctx.app, token)
  const paris = await uid('trip/paris.mp4')
  const photoPage = await visit(ctx.app, `/s/${token}/${trip.uid}/${paris}`, cookie)
  t.match(photoPage.body, /<video controls playsinline preload="metadata" poster="[^"]+\/thumb\/view"/)
  t.match(photoPage.body, `src="/s/${token}/${trip.uid}/${paris}/video" type="video/mp4"`)
  const original = await readFile(join(originals, 'trip', 'paris.mp4'))
  const res = await visit(ctx.app, `/s/${token}/${trip.uid}/${paris}/video`, cookie, undefined, {
    range: 'bytes=100-1099'
  })
  t.equal(res.statusCode, 206)
  t.equal(res.headers['content-type'], 'video/mp4')
  t.equal(res.headers['content-range'], `bytes 100-1099/${original.length}`)
  t.same(res.rawPayload, original.subarray(100, 1100))
  assertVisitorHeaders(t, res, 'video')
  const webm = await visit(ctx.app, `/s/${token}/${trip.uid}/${await uid('trip/clip.WEBM')}/video`, cookie, undefined, {
    range: 'bytes=0-'
  })
  t.equal(webm.statusCode, 206)
  t.equal(webm.headers['content-type'], 'video/webm')
})

t.test('HEVC gets an H.264 rendition, made once after indexing; until then the page says Preparing video…', async t => {
  const { token } = await share(ctx.db, trip, 'videos-hevc-1')
  const cookie = await openLink(ctx.app, token)
  const florence = await uid('trip/florence.mov')
  const base = `/s/${token}/${trip.uid}/${florence}`
  t.match((await visit(ctx.app, base, cookie)).body, 'Preparing video…')
  const before = await visit(ctx.app, `${base}/video`, cookie)
  t.equal(before.statusCode, 404)
  t.equal(before.body, await unknownLinkBody(ctx.app))
  await makeRenditions(ctx.db, ctx.config, ctx.app.indexState)
  const owner = await signIn(ctx.app)
  t.match(
    (await ctx.app.inject({ url: '/healthz', headers: { cookie: owner.cookie } })).json(),
    { videosToPrepare: { running: false, done: 1, total: 1, failed: 0 } },
    'only the HEVC video needs one; /healthz tells'
  )
  t.notMatch((await visit(ctx.app, base, cookie)).body, 'Preparing video…')
  const res = await visit(ctx.app, `${base}/video`, cookie, undefined, { range: 'bytes=0-' })
  t.equal(res.statusCode, 206)
  t.equal(res.headers['content-type'], 'video/mp4')
  const served = join(ctx.dir, 'served.mp4')
  await writeFile(served, res.rawPayload)
  const info = await probeVideo(toolPaths().ffprobe, served)
  t.match(info, { videoCodec: 'h264', width: 320, height: 240 })
  const download = await visit(ctx.app, `${base}/original`, cookie)
  t.same(download.rawPayload, await readFile(join(originals, 'trip', 'florence.mov')), 'downloads stay the original')
})

t.test('the visitor zip holds the original videos', async t => {
  const { token } = await share(ctx.db, trip, 'videos-zip-1')
  const cookie = await openLink(ctx.app, token)
  const zip = await readZip((await visit(ctx.app, `/s/${token}/${trip.uid}/download`, cookie)).rawPayload)
  const mp4 = [...zip.entries()].find(([name]) => name.endsWith('-Paris.mp4'))
  t.ok(mp4, [...zip.keys()].join(', '))
  t.same(mp4?.[1], await readFile(join(originals, 'trip', 'paris.mp4')))
  t.equal(zip.size, 4)
})

t.test('a Live Photo: one tile, a Live control, its clip plays and both files are in the zip', async t => {
  const { token } = await share(ctx.db, live, 'videos-live-1')
  const cookie = await openLink(ctx.app, token)
  const still = await uid('live/IMG_0001.JPG')
  const page = await visit(ctx.app, `/s/${token}/${live.uid}`, cookie)
  t.same(gridUids(page.body), [still])
  t.match(page.body, '1 photo')
  t.match((await visit(ctx.app, `/s/${token}/${live.uid}/${still}`, cookie)).body, /<details class="live">[\s\S]*Live/)
  const clip = await visit(ctx.app, `/s/${token}/${live.uid}/${still}/video`, cookie, undefined, { range: 'bytes=0-9' })
  t.equal(clip.statusCode, 206)
  t.same(clip.rawPayload, (await readFile(join(originals, 'live', 'IMG_0001.MOV'))).subarray(0, 10))
  const clipUid = await uid('live/IMG_0001.MOV')
  t.equal(
    (await visit(ctx.app, `/s/${token}/${live.uid}/${clipUid}`, cookie)).statusCode,
    404,
    'the clip has no page of its own'
  )
  const zip = await readZip((await visit(ctx.app, `/s/${token}/${live.uid}/download`, cookie)).rawPayload)
  t.same(
    [...zip.keys()].map(n => n.split('.').pop()),
    ['JPG', 'MOV'].map(e => e.toLowerCase())
  )
})

for (const flag of ['private', 'archived'] as const) {
  t.test(`a ${flag} video is refused on every visitor route`, async t => {
    const { token } = await share(ctx.db, trip, `videos-${flag}-1`)
    const cookie = await openLink(ctx.app, token)
    const paris = await uid('trip/paris.mp4')
    await setFlag(ctx.db, paris, flag)
    t.teardown(async () => {
      await setFlag(ctx.db, paris, flag, 0)
    })
    const invalid = await unknownLinkBody(ctx.app)
    const base = `/s/${token}/${trip.uid}`
    t.notOk(gridUids((await visit(ctx.app, base, cookie)).body).includes(paris), 'not in the grid')
    t.match((await visit(ctx.app, base, cookie)).body, '1 photo · 2 videos', 'not counted')
    for (const path of ['', '/video', '/original', '/thumb/tile', '/thumb/view']) {
      const res = await visit(ctx.app, `${base}/${paris}${path}`, cookie, freshClient(), { range: 'bytes=0-' })
      t.equal(res.statusCode, 404, `${path || 'page'} refused`)
      t.equal(res.body, invalid, `${path || 'page'} answers like an unknown link`)
    }
    const map = JSON.parse((await visit(ctx.app, `${base}/map.geojson`, cookie)).body) as {
      features: Array<{ properties: { uid: string } }>
    }
    t.notOk(
      map.features.some(f => f.properties.uid === paris),
      'not on the map'
    )
    t.ok(map.features.length >= 1, 'the other located video is')
    const zip = await readZip((await visit(ctx.app, `${base}/download`, cookie)).rawPayload)
    t.notOk(
      [...zip.keys()].some(n => n.endsWith('.mp4')),
      'not in the zip'
    )
  })
}

t.test('owner: video playback, the Problems page and Rescan', async t => {
  const owner = await signIn(ctx.app)
  const paris = await uid('trip/paris.mp4')
  const res = await ctx.app.inject({
    url: `/media/video/${paris}`,
    headers: { cookie: owner.cookie, range: 'bytes=0-99' }
  })
  t.equal(res.statusCode, 206)
  t.equal((await ctx.app.inject({ url: `/media/video/${paris}` })).statusCode, 302, 'needs the owner')
  const problems = await ctx.app.inject({ url: '/library/problems', headers: { cookie: owner.cookie } })
  t.match(problems.body, /bad\/notes\.mp4<\/td><td>not a readable video: the content is no image or video format/)
  t.match(problems.body, /raw\/DSC_0002\.NEF<\/td><td>RAW photo without a JPEG beside it/)
  t.match(
    (await ctx.app.inject({ url: '/photos', headers: { cookie: owner.cookie } })).body,
    /href="\/library\/problems">5 files could not be read/
  )
  t.equal(
    (await ctx.app.inject({ method: 'POST', url: '/library/rescan', headers: { cookie: owner.cookie } })).statusCode,
    403,
    'CSRF checked'
  )
  await rm(join(originals, 'bad', 'notes.mp4'))
  const rescan = await ownerPost(ctx.app, owner, '/library/rescan')
  t.equal(rescan.statusCode, 303)
  while (ctx.app.indexState.running) await new Promise(resolve => setTimeout(resolve, 20))
  t.notMatch(
    (await ctx.app.inject({ url: '/library/problems', headers: { cookie: owner.cookie } })).body,
    'bad/notes.mp4'
  )
})
