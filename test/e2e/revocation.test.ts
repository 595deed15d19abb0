// Revocation: a visitor has the album open, the owner deletes the link in
// another browser context, the visitor reloads and gets the not-found page.
import t from 'tap'
import type { Page } from 'playwright-core'
import { createLink } from '../../src/sharing/links.ts'
import * as e2e from './harness.ts'

const INVALID = 'This link is not valid or has expired'

await e2e.browserTest(t, 'revocation walk', async t => {
  const { server, browser } = await e2e.startWalk(t)
  const albums = await e2e.demoAlbums(server, 'moment', 2)

  for (const [i, js] of [true, false].entries()) {
    await t.test(`JavaScript ${js ? 'on' : 'off'}`, async t => {
      const album = albums[i]
      const token = `revoke-me-${js ? 'js' : 'nojs'}`
      const link = await createLink(server.db, album.id, 'owner', { token })

      const visitor = await e2e.newContext(browser, { javaScriptEnabled: js })
      const owner = await e2e.newContext(browser, { javaScriptEnabled: js })
      const guest: Page = await visitor.newPage()
      await guest.goto(`${server.base}/s/${token}`)
      t.equal(await guest.textContent('.appbar h1'), album.title, 'the visitor has the album open')
      const albumUrl = guest.url()
      const photoHref = (await guest.locator('.photo-grid a').first().getAttribute('href'))!
      const thumb = (await guest.locator('.photo-grid img').first().getAttribute('src'))!

      const page = await owner.newPage()
      await e2e.signInOwner(page, server.base)
      await page.goto(`${server.base}/albums/${album.uid}/share?open=${link.id}`)
      const row = page.locator(`#link-${link.id}`)
      if (js) {
        page.once('dialog', async d => {
          await d.accept()
        })
        await row.locator('a:has-text("Delete")').click()
        await page.locator('.link-row').waitFor({ state: 'detached' })
      } else {
        await row.locator('a:has-text("Delete")').click()
        await page.click('button:has-text("Delete link")')
        await page.waitForURL(`${server.base}/albums/${album.uid}/share`)
      }
      t.match(await page.textContent('.share-panel'), 'This album has no link yet.', 'the owner deleted the link')

      const reloaded = await guest.reload()
      t.equal(reloaded?.status(), 404, "the visitor's reload answers 404")
      t.equal(await guest.textContent('h1'), INVALID, 'with the not-found page')
      t.equal(await guest.locator('.photo-grid, nav.sidenav').count(), 0, 'and nothing of the album')
      await e2e.checkA11y(t, guest, 'not-found page after revocation')
      await e2e.screenshot(guest, `revoked-${js ? 'js' : 'nojs'}`)
      for (const url of [photoHref, thumb, `${new URL(albumUrl).pathname}/download`]) {
        const res = await guest.request.get(`${server.base}${url}`)
        t.equal(res.status(), 404, `${url.replace(token, '<token>')} is 404 too`)
      }

      e2e.expectNoProblems(t, visitor)
      e2e.expectNoProblems(t, owner)
      await visitor.close()
      await owner.close()
    })
  }
})
