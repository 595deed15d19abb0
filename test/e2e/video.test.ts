// A visitor plays videos in real Chromium: the grid's play badge, an H.264
// original streamed with Range, and an HEVC clip through its H.264 rendition.
import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { makeRenditions } from '../../src/library/library-jobs.ts'
import { makeMediaLibrary } from '../media-library.ts'
import { share } from '../routes/visitor-helpers.ts'
import * as e2e from './harness.ts'

/** Plays the page's video muted until its clock moves; returns what the element says about itself. */
async function playFor(
  page: Page
): Promise<{ readyState: number; currentTime: number; videoWidth: number; error: number | null }> {
  return await page.evaluate(async () => {
    const video = document.querySelector('video')
    if (!video) throw new Error('no <video> on the page')
    video.muted = true
    await video.play()
    for (let i = 0; i < 100 && video.currentTime < 0.3; i++) await new Promise(resolve => setTimeout(resolve, 50))
    video.pause()
    return {
      readyState: video.readyState,
      currentTime: video.currentTime,
      videoWidth: video.videoWidth,
      error: video.error?.code ?? null
    }
  })
}

t.test('videos play in the browser', async t => {
  await e2e.browserTest(t, 'grid badge, H.264 original and HEVC rendition play', async t => {
    const originals = await mkdtemp(join(tmpdir(), 'albumlink-e2e-video-'))
    t.teardown(async () => {
      await rm(originals, { recursive: true, force: true })
    })
    await makeMediaLibrary(originals)
    const server = await e2e.startServer(t, { library: { originals } })
    await makeRenditions(server.db, server.config, server.app.indexState)
    const trip = await e2e.folderAlbum(server, 'trip')
    const { token } = await share(server.db, trip, 'video-walk-1')
    const uidOf = async (path: string): Promise<string> =>
      (await server.db.selectFrom('photos').select('uid').where('path', '=', path).executeTakeFirstOrThrow()).uid
    const browser = await e2e.launchBrowser(t, ['--autoplay-policy=no-user-gesture-required'])
    const context = await e2e.newContext(browser)
    const page = await context.newPage()

    await page.goto(`${server.base}/s/${token}/${trip.uid}`)
    t.equal(await page.locator('.video-badge').count(), 3, 'three videos carry a play badge')
    t.match(await page.locator('.video-badge').first().innerText(), /0:02/, 'with their length')

    const paris = await uidOf('trip/paris.mp4')
    await page.goto(`${server.base}/s/${token}/${trip.uid}/${paris}`)
    const original = await playFor(page)
    t.equal(original.error, null, 'the H.264 original decodes')
    t.ok(original.currentTime >= 0.3, `and plays (clock at ${original.currentTime.toFixed(2)} s)`)
    t.equal(original.videoWidth, 640)

    const florence = await uidOf('trip/florence.mov')
    await page.goto(`${server.base}/s/${token}/${trip.uid}/${florence}`)
    t.equal(await page.getByText('Preparing video…').count(), 0, 'the rendition is ready')
    const rendition = await playFor(page)
    t.equal(rendition.error, null, 'the HEVC clip plays through its H.264 rendition')
    t.ok(rendition.currentTime >= 0.3, `(clock at ${rendition.currentTime.toFixed(2)} s)`)
    t.equal(rendition.videoWidth, 320)

    await page.keyboard.press('ArrowRight')
    await page.waitForURL(url => !url.pathname.endsWith(florence))
    t.pass('← → still move through the album from a video')

    const live = await e2e.folderAlbum(server, 'live')
    const { token: liveToken } = await share(server.db, live, 'video-walk-live-1')
    await page.goto(`${server.base}/s/${liveToken}/${live.uid}`)
    t.equal(await page.locator('.video-badge').count(), 0, 'a Live Photo is one still in the grid')
    await page.goto(`${server.base}/s/${liveToken}/${live.uid}/${await uidOf('live/IMG_0001.JPG')}`)
    await page.getByText('Live').click()
    const motion = await playFor(page)
    t.ok(motion.error === null && motion.currentTime > 0, 'its "Live" control plays the motion clip')
    e2e.expectNoProblems(t, context)
  })
})
