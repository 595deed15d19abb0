// Link protection in a real browser: the owner sets a password in the share
// dialog; a fresh visitor meets the password page, a wrong password, the
// password form at a photo's own URL and the right password, which returns
// to that photo; the owner turns downloads off and the visitor loses
// every download; the owner's /links overview — with JavaScript on and off.
import t from 'tap'
import { allAlbumPhotos } from '../../src/library/photos.ts'
import { createLink } from '../../src/sharing/links.ts'
import * as e2e from './harness.ts'
import { editLink, reloadAfter } from './share-ui.ts'

const PASSWORD = 'olive-grove-7'
const DAY = 24 * 3600 * 1000

await e2e.browserTest(t, 'link protection walk', async t => {
  const { server, browser } = await e2e.startWalk(t)
  const albums = await e2e.demoAlbums(server, 'state', 2)
  // An expired link, so the overview's state filter has something to leave out.
  const past = new Date(Date.now() - DAY).toISOString().replace(/\.\d+Z$/, '')
  await createLink(server.db, albums[0].id, 'owner', { token: 'long-gone-link', expires_at: past })

  for (const [i, js] of [true, false].entries()) {
    await t.test(`JavaScript ${js ? 'on' : 'off'}`, async t => {
      const tag = js ? 'js' : 'nojs'
      const album = albums[i]
      const token = `protected-${tag}`
      const link = await createLink(server.db, album.id, 'owner', {
        token,
        expires_at: new Date(Date.now() + 10 * DAY).toISOString()
      })
      const [photo] = await allAlbumPhotos(server.db, album, 'visitor')
      const owner = await e2e.newContext(browser, { javaScriptEnabled: js })
      const visitor = await e2e.newContext(browser, { javaScriptEnabled: js })
      const page = await owner.newPage()
      await e2e.signInOwner(page, server.base)

      // The owner sets a password.
      let row = await editLink(page, server.base, album.uid, link.id, js, async row => {
        t.equal(
          await row.locator('label[for^=password-]').textContent(),
          'Password (optional)',
          'an open link offers an optional password'
        )
        await row.locator('input[name=password]').fill(PASSWORD)
      })
      t.ok(await row.locator('.tag:has-text("Password protected")').isVisible(), 'the row shows the lock tag')
      t.match(
        await row.locator('label[for^=password-]').textContent(),
        'leave empty to keep the current one',
        'the field now offers a new password'
      )
      t.ok(await row.locator('input[name=remove_password]').isVisible(), 'and a way to remove it')
      await e2e.checkA11y(t, page, 'share dialog (protected link)')
      await e2e.checkIconButtonNames(t, page, 'share dialog (protected link)')
      await e2e.screenshot(page, `share-protected-${tag}`)

      // A visitor opens the link: the password page, and nothing of the album before it.
      const guest = await visitor.newPage()
      await guest.goto(`${server.base}/s/${token}`)
      const base = guest.url()
      t.match(await guest.textContent('main'), 'This shared album is protected', 'the link asks for its password')
      t.equal(await guest.locator('.photo-grid, nav.sidenav').count(), 0, 'and shows no photos')
      await e2e.checkA11y(t, guest, 'password page')
      await e2e.checkIconButtonNames(t, guest, 'password page')
      await e2e.screenshot(guest, `visitor-password-${tag}`)
      for (const url of [`${base}/${photo.uid}/thumb/tile`, `${base}/download`]) {
        t.equal((await guest.request.get(url)).status(), 404, `${url.slice(base.length) || '/'} is 404 while locked`)
      }

      await guest.fill('#password', 'not-the-password')
      await reloadAfter(guest, async () => await guest.click('button:has-text("Open album")'))
      t.equal(await guest.textContent('.form-error'), 'That password is not right.', 'a wrong password is refused')
      t.equal(await guest.getAttribute('#password', 'aria-invalid'), 'true', 'and the field is marked invalid')
      await e2e.checkA11y(t, guest, 'password page (wrong password)')

      // A link to one photo, sent on its own: the password form there, then that photo.
      const photoUrl = `${base}/${photo.uid}`
      const asked = await guest.goto(photoUrl)
      t.equal(asked?.status(), 401, 'a photo of the locked link asks for the password')
      t.match(await guest.textContent('main'), 'This shared album is protected', 'with the same form')
      await guest.fill('#password', PASSWORD)
      await reloadAfter(guest, async () => await guest.click('button:has-text("Open album")'))
      t.equal(guest.url(), photoUrl, 'the right password returns to the photo asked for')
      t.ok(await e2e.imageLoads(guest.locator('.stage img')), 'which is shown')
      await guest.goto(base)
      await guest.locator('.photo-grid').waitFor()
      t.equal(await guest.textContent('.appbar h1'), album.title, 'the album is open')
      t.ok(await e2e.imageLoads(guest.locator('.photo-grid img').first()), 'its thumbnails load')
      t.ok(await guest.locator('.appbar a[title="Download album as zip"]').isVisible(), 'downloads are on so far')

      // The owner turns downloads off; the visitor reloads.
      row = await editLink(page, server.base, album.uid, link.id, js, async row => {
        await row.locator('input[name=allow_downloads]').uncheck()
      })
      t.ok(await row.locator('.tag:has-text("No downloads")').isVisible(), 'the row says "No downloads"')
      t.ok(await row.locator('.tag:has-text("Password protected")').isVisible(), 'and keeps its password')
      t.equal(
        (
          await server.db
            .selectFrom('links')
            .select('allow_downloads')
            .where('id', '=', link.id)
            .executeTakeFirstOrThrow()
        ).allow_downloads,
        0,
        'stored'
      )

      await guest.reload()
      t.equal(
        await guest.locator('.appbar a[title="Download album as zip"]').count(),
        0,
        'the album has no Download button'
      )
      t.ok(await e2e.imageLoads(guest.locator('.photo-grid img').first()), 'thumbnails still load')
      await guest.locator(`.photo-grid a[href$="/${photo.uid}"]`).click()
      await guest.waitForURL(`${base}/${photo.uid}`)
      t.equal(
        await guest.locator('.appbar a[title="Download photo"]').count(),
        0,
        'the photo page has no Download button'
      )
      await e2e.checkA11y(t, guest, 'visitor photo (no downloads)')
      for (const url of [`${base}/download`, `${base}/${photo.uid}/original`]) {
        t.equal((await guest.request.get(url)).status(), 404, `${url.slice(base.length)} is 404`)
      }
      t.equal((await guest.request.get(`${base}/${photo.uid}/thumb/tile`)).status(), 200, 'the thumbnail is not')

      // The overview of all links.
      await page.goto(`${server.base}/links`)
      t.equal(
        await page.getAttribute('nav.sidenav a[href="/links"]', 'aria-current'),
        'page',
        'Links is the current nav entry'
      )
      t.equal(await page.locator('.appbar a').count(), 0, 'a top-level page: no back arrow')
      const tr = page.locator('.links-table tbody tr', { has: page.locator(`input[value*="/s/${token}/"]`) })
      const cells = tr.locator('td')
      t.equal(await tr.count(), 1, 'the link has a row')
      t.equal(await cells.nth(0).locator('a').textContent(), album.title, 'naming its album')
      const expiry = (await cells.nth(2).textContent()) ?? ''
      t.match(expiry, /^\d+ \w+ \d{4}$/, `it expires on a date (${expiry})`)
      t.ok(await cells.nth(3).locator('svg').isVisible(), 'a lock icon under Password')
      t.equal(await cells.nth(3).locator('.sr-only').textContent(), 'Password protected', 'named for screen readers')
      t.equal(await cells.nth(4).textContent(), 'No', '"No" under Downloads')
      await e2e.checkA11y(t, page, 'links overview')
      await e2e.checkIconButtonNames(t, page, 'links overview')
      await e2e.screenshot(page, `links-${tag}`)

      await tr.locator('select[name=expires]').selectOption('1y')
      await reloadAfter(page, async () => await tr.locator('button:has-text("Extend")').click())
      t.equal(page.url(), `${server.base}/links`, 'Extend comes back to the overview')
      t.not(
        await cells.nth(2).textContent(),
        expiry,
        `the row shows the later date (${await cells.nth(2).textContent()})`
      )
      const stored = await server.db
        .selectFrom('links')
        .select('expires_at')
        .where('id', '=', link.id)
        .executeTakeFirstOrThrow()
      const inDays = (Date.parse(`${stored.expires_at!.replace(/Z$/, '')}Z`) - Date.now()) / DAY
      t.ok(
        inDays > 374 && inDays < 377,
        `a year was added to the expiry ten days away, not to today (${inDays.toFixed(1)} days)`
      )

      const expired = page.locator('.links-table tbody tr', { has: page.locator('input[value*="/s/long-gone-link/"]') })
      t.equal(await expired.count(), 1, 'unfiltered, the expired link is listed')
      await page.selectOption('#state', 'active')
      await reloadAfter(page, async () => await page.click('.filters button:has-text("Filter")'))
      t.match(page.url(), /[?&]state=active(&|$)/, 'the filter is in the URL')
      t.equal(await expired.count(), 0, 'state=active leaves out the expired link')
      t.equal(await tr.count(), 1, 'and keeps the protected one')
      t.equal(await page.locator('#state').inputValue(), 'active', 'the filter shows what it filters by')

      e2e.expectNoProblems(t, visitor)
      e2e.expectNoProblems(t, owner)
      await visitor.close()
      await owner.close()
    })
  }
})
