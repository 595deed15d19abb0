// Visitor walk in a fresh browser context (no owner cookie): open the link,
// the grid without the private photo, a photo, its place on the map, download
// the photo and the zip, end the session — with JavaScript on and off.
import t from 'tap'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { allAlbumPhotos, setPrivate } from '../../src/library/photos.ts'
import { zipEntryNames } from '../../src/library/album-zip.ts'
import { createLink } from '../../src/sharing/links.ts'
import * as e2e from './harness.ts'
import { zipNames } from './zip-names.ts'

const INVALID = 'This link is not valid or has expired'

await e2e.browserTest(t, 'visitor walk', async t => {
  // The map draws with WebGL: software rendering, as there is no GPU.
  const { server, browser } = await e2e.startWalk(t, ['--enable-unsafe-swiftshader'])

  // The owner shares Toscana and marks one of its photos private.
  const album = await e2e.demoAlbum(server, 'state', 'toscana')
  const before = await allAlbumPhotos(server.db, album, 'owner')
  const hidden = before[1]
  await setPrivate(server.db, hidden.uid, true)
  const visible = await allAlbumPhotos(server.db, album, 'visitor')
  t.equal(visible.length, before.length - 1, 'one photo of the album is private')
  await createLink(server.db, album.id, 'owner', { token: 'tuscany-for-friends' })

  for (const js of [true, false]) {
    await t.test(`JavaScript ${js ? 'on' : 'off'}`, async t => {
      const context = await e2e.newContext(browser, { javaScriptEnabled: js })
      const page = await context.newPage()
      const tag = js ? 'js' : 'nojs'

      // Open the link: the album's grid.
      await page.goto(`${server.base}/s/tuscany-for-friends`)
      const base = page.url()
      t.ok(
        base === `${server.base}/s/tuscany-for-friends/${album.uid}` ||
          base === `${server.base}/s/tuscany-for-friends/${album.slug}`,
        `the link leads to the album (${base})`
      )
      t.equal(await page.textContent('.appbar h1'), album.title, 'the link opens the shared album')
      t.equal(await page.locator('nav.sidenav').count(), 0, 'no owner navigation')
      const tiles = page.locator('.photo-grid .tile')
      t.equal(await tiles.count(), visible.length, 'the grid shows every visible photo')
      const hrefs = await tiles.locator('a').evaluateAll(links => links.map(a => a.getAttribute('href')))
      t.notOk(
        hrefs.some(h => h?.includes(hidden.uid)),
        'the private photo is not in the grid'
      )
      t.notOk((await page.content()).includes(hidden.uid), 'nor anywhere in the page')
      t.ok(await e2e.imageLoads(tiles.first().locator('img')), 'thumbnails load')
      await e2e.checkA11y(t, page, 'visitor album')
      await e2e.checkIconButtonNames(t, page, 'visitor album')
      await e2e.screenshot(page, `visitor-album-${tag}`)

      // A photo.
      const located = visible.find(p => p.lat !== null && p.state)!
      await page.locator(`.photo-grid a[href$="/${located.uid}"]`).click()
      await page.waitForURL(`${base}/${located.uid}`)
      t.ok(await e2e.imageLoads(page.locator('.stage img')), 'the photo is shown')
      const place = page.locator('a.place')
      t.match(await place.textContent(), located.state!, 'its place is named')
      await e2e.checkA11y(t, page, 'visitor photo')
      await e2e.checkIconButtonNames(t, page, 'visitor photo')
      await e2e.screenshot(page, `visitor-photo-${tag}`)
      const photoUrl = page.url()
      const thumbUrl = `${base}/${located.uid}/thumb/tile`

      const privateGet = await page.request.get(`${base}/${hidden.uid}`)
      t.equal(privateGet.status(), 404, "the private photo's page is a 404")

      // The map, when it exists (someone else builds it). Without JS it is a list of places.
      const mapCheck = await page.request.get(`${base}/map?photo=${located.uid}`)
      if (mapCheck.status() === 404) {
        t.comment('SKIPPED map step: GET …/map answers 404 — the map page is not there yet')
      } else if (!js) {
        await place.click()
        await page.waitForURL(`${base}/map?photo=${located.uid}`)
        t.match(
          await page.locator('.map-places').textContent(),
          located.state!,
          'without JS the map page lists the places'
        )
        await e2e.checkA11y(t, page, 'visitor map (no JS)')
        await page.goto(photoUrl)
      } else {
        await place.click()
        await page.waitForURL(`${base}/map?photo=${located.uid}`)
        const canvas = page.locator('#map canvas.maplibregl-canvas')
        await canvas.waitFor()
        t.ok(
          await canvas.evaluate(c => (c as HTMLCanvasElement).width > 0 && (c as HTMLCanvasElement).height > 0),
          'the map canvas is drawn'
        )
        await page.locator('.map-photo.focused').waitFor()
        t.pass('the photo the visitor came from has a highlighted marker')
        await page.locator('.map-photo:not(.focused), .map-cluster').first().waitFor()
        t.pass('the other photos are shown as markers or clusters')
        await e2e.checkA11y(t, page, 'visitor map')
        await e2e.checkIconButtonNames(t, page, 'visitor map')
        await e2e.screenshot(page, `visitor-map-${tag}`)
        await page.goto(photoUrl)
      }

      // Download the photo: the original's name and bytes.
      const [photoDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.appbar a[title="Download photo"]')
      ])
      t.equal(photoDownload.suggestedFilename(), basename(located.path), 'the download is named like the original')
      const original = await readFile(join(server.config.originals, located.path))
      t.ok((await readFile((await photoDownload.path())!)).equals(original), "and has the original's bytes")

      // Download the album.
      await page.goto(base)
      const [zipDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.appbar a[title="Download album as zip"]')
      ])
      t.equal(zipDownload.suggestedFilename(), `${album.title}.zip`, 'the zip is named after the album')
      const names = await zipNames((await zipDownload.path())!)
      t.same(names.sort(), zipEntryNames(visible).sort(), 'the zip holds every visible photo')
      t.notOk(
        names.some(n => n.includes(basename(hidden.path).replace(/\.[^.]+$/, ''))),
        'and not the private one'
      )

      // End the session.
      await page.click('.appbar button[title="End session"]')
      await page.locator('h1', { hasText: 'You have left the shared album' }).waitFor()
      t.pass('the power icon lands on the goodbye page')
      t.equal(await page.locator('nav.sidenav, .photo-grid').count(), 0, 'with nothing of the library on it')
      await e2e.checkA11y(t, page, 'goodbye page')
      await e2e.screenshot(page, `visitor-goodbye-${tag}`)

      const image = await page.goto(thumbUrl)
      t.equal(image?.status(), 404, 'an image URL of the album answers 404 once the session ended')
      t.match(await page.textContent('h1'), INVALID, 'with the not-found page')
      t.notOk(image?.headers()['content-type']?.startsWith('image/'), 'and no image bytes')
      await e2e.checkA11y(t, page, 'not-found page')

      e2e.expectNoProblems(t, context)
      await context.close()
    })
  }
})
