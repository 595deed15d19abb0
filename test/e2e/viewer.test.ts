// The photo page as a full-screen viewer, in real Chromium: keys, swipes,
// the slideshow (on Playwright's fake clock), full screen, the info panel,
// preloading of the neighbours; without JavaScript, the plain page.
import t from 'tap'
import type { Page } from 'playwright-core'
import * as e2e from './harness.ts'

/** A finger (pointer events of type touch) moving across the picture from one point to another. */
async function swipe(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluate(
    ([from, to]) => {
      const stage = document.querySelector('.stage')!
      const steps: Array<[string, number, number]> = [
        ['pointerdown', from[0], from[1]],
        ['pointermove', (from[0] + to[0]) / 2, (from[1] + to[1]) / 2],
        ['pointerup', to[0], to[1]]
      ]
      for (const [type, x, y] of steps) {
        stage.dispatchEvent(
          new PointerEvent(type, {
            pointerId: 7,
            pointerType: 'touch',
            isPrimary: true,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true
          })
        )
      }
    },
    [from, to]
  )
}

const pressed = async (page: Page, name: string): Promise<string | null> =>
  await page.getAttribute(`[data-viewer=${name}]`, 'aria-pressed')

await e2e.browserTest(t, 'viewer', async t => {
  const { server, browser } = await e2e.startWalk(t)
  const pageTest = e2e.pageTests(t, browser)
  const { album, photos } = await e2e.sharedToscana(server, 'viewer-walk-0001')
  const base = `${server.base}/s/viewer-walk-0001/${album.uid}`
  const at = (i: number): string => `${base}/${photos[i].uid}`

  await pageTest('keys, preloading, info, full screen', async (t, page) => {
    const requested: string[] = []
    page.on('request', request => {
      requested.push(request.url())
    })
    await page.goto(`${server.base}/s/viewer-walk-0001`)
    await page.goto(at(1))
    t.ok(await e2e.imageLoads(page.locator('.stage img')), 'the photo is shown')
    const box = await page.locator('.stage img').boundingBox()
    const stage = await page.locator('.stage').boundingBox()
    t.ok(
      box && stage && box.width === stage.width && box.height === 800,
      'the picture fills the stage (object-fit: contain)'
    )
    for (
      let i = 0;
      i < 50 && !(requested.includes(`${at(2)}/thumb/view`) && requested.includes(`${at(0)}/thumb/view`));
      i++
    ) {
      await page.waitForTimeout(100)
    }
    t.ok(
      requested.includes(`${at(2)}/thumb/view`) && requested.includes(`${at(0)}/thumb/view`),
      'the next and previous images are preloaded'
    )
    t.ok(requested.includes(at(2)), 'and the next page')
    await e2e.checkA11y(t, page, 'viewer')
    await e2e.checkIconButtonNames(t, page, 'viewer')
    await e2e.screenshot(page, 'viewer-desktop')

    // Info: open by default on a wide screen; i and the button toggle it.
    t.ok(await page.locator('#photo-info').isVisible(), 'info is shown beside the photo on a wide screen')
    t.match(await page.textContent('#photo-info'), /Size\s*\d+ × \d+ · \d/, 'with the size')
    await page.keyboard.press('i')
    t.notOk(await page.locator('#photo-info').isVisible(), 'i hides the info')
    t.equal(await pressed(page, 'info'), 'false')
    await page.click('[data-viewer=info]')
    t.ok(await page.locator('#photo-info').isVisible(), 'the button shows it again')

    await page.keyboard.press('ArrowRight')
    await page.waitForURL(at(2))
    t.equal(await page.textContent('.appbar h1'), photos[2].title, '→ shows the next photo')
    t.ok(await e2e.imageLoads(page.locator('.stage img')))
    await page.keyboard.press('ArrowLeft')
    await page.waitForURL(at(1))
    t.pass('← the previous one')
    await page.goBack()
    await page.waitForURL(at(2))
    // The URL changes at once; the photo follows when its page is in place.
    await page
      .locator('.appbar h1', { hasText: String(photos[2].title) })
      .waitFor({ timeout: 5000 })
      .catch(() => {})
    t.equal(await page.textContent('.appbar h1'), photos[2].title, 'Back goes back a photo')

    await page.keyboard.press('f')
    await page.waitForFunction(() => document.fullscreenElement !== null)
    // The button follows on the fullscreenchange event, which comes a frame after the element is set.
    await page
      .locator('[data-viewer=fullscreen][aria-pressed=true]')
      .waitFor({ state: 'attached', timeout: 5000 })
      .catch(() => {})
    t.equal(await pressed(page, 'fullscreen'), 'true', 'f enters full screen')
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(at(3))
    t.ok(await page.evaluate(() => document.fullscreenElement !== null), 'and stays there while moving')
    await page.keyboard.press('f')
    await page.waitForFunction(() => document.fullscreenElement === null)
    t.pass('f leaves full screen')

    await page.keyboard.press('Escape')
    await page.waitForURL(base)
    t.pass('Esc closes the viewer, back to the album')
  })

  await pageTest('swipes', e2e.PHONE, async (t, page) => {
    await page.goto(`${server.base}/s/viewer-walk-0001`)
    await page.goto(at(1))
    t.notOk(await page.locator('#photo-info').isVisible(), 'on a phone the info starts hidden')
    await e2e.screenshot(page, 'viewer-phone')
    await swipe(page, [300, 400], [80, 420])
    await page.waitForURL(at(2))
    t.pass('swipe left: the next photo')
    await swipe(page, [80, 400], [300, 390])
    await page.waitForURL(at(1))
    t.pass('swipe right: the previous one')
    await swipe(page, [200, 300], [220, 330])
    await page.waitForTimeout(300)
    t.equal(page.url(), at(1), 'a short move is no swipe')
    await page.keyboard.press('i')
    await e2e.checkA11y(t, page, 'viewer on a phone with info')
    await e2e.screenshot(page, 'viewer-phone-info')
    await page.keyboard.press('i')
    await swipe(page, [200, 200], [210, 500])
    await page.waitForURL(base)
    t.pass('swipe down closes, back to the album')
  })

  await pageTest('slideshow: 5 s a photo, space toggles, stops at the last', async (t, page) => {
    await page.clock.install()
    await page.goto(`${server.base}/s/viewer-walk-0001`)
    const last = photos.length - 1
    await page.goto(at(last - 2))
    await page.keyboard.press(' ')
    t.equal(await pressed(page, 'slideshow'), 'true', 'space starts the slideshow')
    await page.clock.runFor(4000)
    t.equal(page.url(), at(last - 2), 'nothing moves before 5 s')
    await page.clock.runFor(1100)
    await page.waitForURL(at(last - 1))
    t.pass('after 5 s the next photo')
    await page.keyboard.press(' ')
    t.equal(await pressed(page, 'slideshow'), 'false', 'space pauses')
    await page.clock.runFor(6000)
    t.equal(page.url(), at(last - 1), 'paused: nothing moves')
    await page.click('[data-viewer=slideshow]')
    t.equal(await pressed(page, 'slideshow'), 'true', 'the button plays it again')
    await page.clock.runFor(5100)
    await page.waitForURL(at(last))
    await page.waitForFunction(
      () => document.querySelector('[data-viewer=slideshow]')?.getAttribute('aria-pressed') === 'false'
    )
    t.pass('at the last photo the slideshow stops')
  })

  await pageTest("videos keep their controls; the owner's viewer works the same", async (t, page) => {
    await e2e.signInOwner(page, server.base)
    const video = photos.findIndex(p => p.media === 'video')
    t.ok(video > 0, 'the album has a video')
    await page.goto(`${server.base}/photos/${photos[video - 1].uid}?album=${album.uid}`)
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(`${server.base}/photos/${photos[video].uid}?album=${album.uid}`)
    t.equal(await page.locator('.stage video[controls]').count(), 1, 'a video plays with its own controls')
    await e2e.checkIconButtonNames(t, page, 'owner viewer')
    await page.keyboard.press('Escape')
    await page.waitForURL(`${server.base}/albums/${album.uid}`)
    t.pass('Esc goes back to the album')
  })

  await pageTest('without JavaScript: the plain page with previous/next links', e2e.NO_JS, async (t, page) => {
    await page.goto(`${server.base}/s/viewer-walk-0001`)
    await page.goto(at(1))
    t.equal(await page.locator('[data-viewer]:visible').count(), 0, 'no viewer buttons')
    t.ok(await page.locator('#photo-info').isVisible(), 'the details are on the page')
    await page.click('a[rel=next]')
    await page.waitForURL(at(2))
    t.pass('the next link is a link')
  })
})
