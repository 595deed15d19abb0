// Owner walk in a real browser: sign in, the five list pages, an album, a
// photo, mark it private — with JavaScript on and off.
import t from 'tap'
import * as e2e from './harness.ts'

const LISTS = [
  ['Albums', '/albums'],
  ['Moments', '/moments'],
  ['Calendar', '/calendar'],
  ['States', '/states'],
  ['Folders', '/folders']
]

await e2e.browserTest(t, 'owner walk', async t => {
  const { server, browser } = await e2e.startWalk(t)

  for (const js of [true, false]) {
    await t.test(`JavaScript ${js ? 'on' : 'off'}`, async t => {
      const context = await e2e.newContext(browser, { javaScriptEnabled: js })
      const page = await context.newPage()
      const tag = js ? 'js' : 'nojs'

      await page.goto(`${server.base}/albums`)
      t.match(page.url(), /\/login/, 'signed-out owner pages lead to the sign-in page')
      await e2e.checkA11y(t, page, 'sign-in page')
      await e2e.signInOwner(page, server.base)

      for (const [label, path] of LISTS) {
        await page.click(`nav.sidenav a:has-text("${label}")`)
        await page.waitForURL(`${server.base}${path}`)
        t.equal(await page.textContent('.appbar h1'), label, `${label} page heading`)
        t.equal(
          await page.getAttribute(`nav.sidenav li a[href="${path}"]`, 'aria-current'),
          'page',
          `${label} is the current nav entry`
        )
        await e2e.checkA11y(t, page, `${label} list`)
        await e2e.checkIconButtonNames(t, page, `${label} list`)
        if (path !== '/albums') t.ok((await page.locator('.album-card').count()) > 0, `${label} shows album cards`)
        await e2e.screenshot(page, `owner-${path.slice(1)}-${tag}`)
      }

      // An album: the second States card for the no-JS run, so each run marks its own photo.
      await page.goto(`${server.base}/states`)
      const card = page.locator('.album-card').nth(js ? 0 : 1)
      const title = (await card.locator('.card-title').textContent())!.trim()
      await card.locator('.card-title a').click()
      await page.waitForURL(/\/albums\/a[a-z0-9]+$/)
      t.equal(await page.textContent('.appbar h1'), title, 'album page shows the album title')
      t.ok(await page.locator('.appbar a[data-share-dialog]').isVisible(), 'album toolbar has Share')
      await e2e.checkA11y(t, page, 'album page')
      await e2e.checkIconButtonNames(t, page, 'album page')
      await e2e.screenshot(page, `owner-album-${tag}`)
      const albumUrl = page.url()

      // A photo, marked private.
      const tile = page.locator('.photo-grid .tile:not(.is-private)').first()
      const photoHref = (await tile.locator('a').getAttribute('href'))!
      const photoUid = /\/photos\/([a-z0-9]+)/.exec(photoHref)![1]
      await tile.locator('a').click()
      await page.waitForURL(new RegExp(`/photos/${photoUid}`))
      t.ok(await e2e.imageLoads(page.locator('.stage img')), 'the photo is shown')
      await e2e.checkA11y(t, page, 'owner photo page')
      await e2e.checkIconButtonNames(t, page, 'owner photo page')
      await e2e.screenshot(page, `owner-photo-${tag}`)

      await page.click('button:has-text("Mark private")')
      await page.waitForSelector('button[aria-pressed="true"]:has-text("Private")')
      t.pass('the toggle now says the photo is private')
      t.equal(
        (await server.db.selectFrom('photos').select('private').where('uid', '=', photoUid).executeTakeFirstOrThrow())
          .private,
        1,
        'stored as private'
      )
      await e2e.checkA11y(t, page, 'owner photo page (private)')

      await page.click('.appbar a[title="Close"]')
      await page.waitForURL(albumUrl)
      const marked = page.locator(`.photo-grid .tile:has(a[href^="/photos/${photoUid}"])`)
      t.ok(await marked.locator('.badge[title="Private"]').isVisible(), 'the grid shows a lock badge on the photo')
      t.match(await page.textContent('main .meta'), /1 private/, 'the album count mentions the private photo')
      await e2e.checkA11y(t, page, 'album page with a private photo')

      e2e.expectNoProblems(t, context)
      await context.close()
    })
  }
})
