// Selecting photos in a grid, in real Chromium: the tick shows on hover and
// focus, shift-click selects a range, the bar counts and downloads exactly
// the selection; without JavaScript the grid is a plain form. The owner's
// selection makes photos private and adds them to an album.
import t from 'tap'
import type { Page } from 'playwright-core'
import { zipEntryNames } from '../../src/library/album-zip.ts'
import { allAlbumPhotos } from '../../src/library/photos.ts'
import { addPhotos, createAlbum } from '../../src/library/albums/manual.ts'
import * as e2e from './harness.ts'
import { zipNames } from './zip-names.ts'

const opacity = async (page: Page, selector: string): Promise<number> =>
  Number(await page.locator(selector).evaluate(el => getComputedStyle(el).opacity))

await e2e.browserTest(t, 'selection', async t => {
  const { server, browser } = await e2e.startWalk(t)
  const pageTest = e2e.pageTests(t, browser)
  const { album, photos } = await e2e.sharedToscana(server, 'selection-walk-01')

  await pageTest(
    'visitor, JavaScript on: hover, shift-click range, download exactly the selection',
    async (t, page) => {
      await page.goto(`${server.base}/s/selection-walk-01`)
      const bar = page.locator('[data-selection-bar]')
      t.notOk(await bar.isVisible(), 'no bar while nothing is selected')
      t.equal(await opacity(page, '.tile:nth-child(2) .select'), 0, 'ticks are hidden at rest')
      await page.hover('.tile:nth-child(2)')
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('.tile:nth-child(2) .select')!).opacity === '1'
      )
      t.pass("a tile's tick shows on hover")
      await page.mouse.move(0, 0)
      await page.focus('.tile:nth-child(3) input')
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('.tile:nth-child(3) .select')!).opacity === '1'
      )
      t.pass('and on keyboard focus')
      await page.keyboard.press('Space')
      t.ok(await bar.isVisible(), 'Space ticks it and the bar appears')
      t.equal(await page.textContent('[data-selection-count]'), '1 selected')
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('.tile:nth-child(6) .select')!).opacity === '1'
      )
      t.pass('once something is selected every tick shows')
      await page.locator('[data-selection-bar] [data-clear]').click()
      t.notOk(await bar.isVisible(), 'Clear empties the selection')

      const boxes = page.locator('.tile input[type=checkbox]')
      await boxes.nth(1).click()
      await boxes.nth(4).click({ modifiers: ['Shift'] })
      t.same(
        await boxes.evaluateAll(els => els.map(el => (el as HTMLInputElement).checked)),
        photos.map((_, i) => i >= 1 && i <= 4),
        'shift-click selects the range'
      )
      t.equal(await page.textContent('[data-selection-count]'), '4 selected')
      await page.locator('.tile').nth(6).locator('a').click()
      t.equal(
        page.url(),
        `${server.base}/s/selection-walk-01/${album.uid}`,
        'while selecting, clicking a photo selects it instead of opening it'
      )
      t.equal(await page.textContent('[data-selection-count]'), '5 selected')
      await page.locator('.tile').nth(6).locator('a').click()
      t.equal(await page.textContent('[data-selection-count]'), '4 selected', 'and again unselects it')
      await e2e.checkA11y(t, page, 'visitor album with a selection')
      await e2e.checkIconButtonNames(t, page, 'visitor album with a selection')
      await e2e.screenshot(page, 'selection-visitor-js')

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        bar.locator('button:has-text("Download")').click()
      ])
      t.equal(download.suggestedFilename(), `${album.title} (selection).zip`)
      t.same(
        await zipNames((await download.path())!),
        zipEntryNames(photos.slice(1, 5)),
        'the zip holds exactly the selected photos'
      )

      await page.locator('.grid-head [data-select-all]').click()
      t.equal(
        await page.textContent('[data-selection-count]'),
        `${photos.length} selected`,
        'Select all ticks the page without a reload'
      )
      await page.keyboard.press('Escape')
      t.notOk(await bar.isVisible(), 'Escape clears')
    }
  )

  await pageTest('visitor, JavaScript off: a plain form', e2e.NO_JS, async (t, page) => {
    await page.goto(`${server.base}/s/selection-walk-01`)
    t.ok(await page.locator('[data-selection-bar]').isVisible(), 'the bar is always there')
    await page.locator('.tile input').nth(0).check()
    await page.locator('.tile input').nth(2).check()
    await e2e.checkA11y(t, page, 'visitor album selection without JS')
    await e2e.screenshot(page, 'selection-visitor-nojs')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-selection-bar] button:has-text("Download")').click()
    ])
    t.same(
      await zipNames((await download.path())!),
      zipEntryNames([photos[0], photos[2]]),
      'the ticked photos, as a zip'
    )
    await page.locator('.grid-head [data-select-all]').click()
    t.equal(
      await page.locator('.tile input:checked').count(),
      photos.length,
      'Select all reloads the page with every box ticked'
    )
    await page.locator('.tile input').nth(1).uncheck()
    await page.locator('[data-selection-bar] [data-clear]').click()
    t.equal(await page.locator('.tile input:checked').count(), 0, 'Clear leads back to the page without ticks')
    await page.locator('.tile input').nth(1).check()
    await page.locator('[data-selection-bar] [data-clear]').click()
    t.equal(await page.locator('.tile input:checked').count(), 0, 'there Clear is a reset button')
  })

  await pageTest('owner: make private and add to an album from the selection', async (t, page) => {
    const target = await createAlbum(server.db, { title: 'Favourites', description: '' })
    const manual = await createAlbum(server.db, { title: 'Trip picks', description: '' })
    await addPhotos(
      server.db,
      manual.id,
      photos.slice(0, 3).map(p => p.uid)
    )
    await e2e.signInOwner(page, server.base)
    await page.goto(`${server.base}/albums/${album.uid}`)
    const boxes = page.locator('.tile input[type=checkbox]')
    await boxes.nth(0).click()
    await boxes.nth(1).click({ modifiers: ['Shift'] })
    await page.locator('summary:has-text("Add to album")').click()
    await e2e.checkIconButtonNames(t, page, 'owner album with the add menu open')
    await e2e.screenshot(page, 'selection-owner-add')
    await Promise.all([page.waitForURL(/done=added/), page.locator('button:has-text("Favourites")').click()])
    t.match(await page.textContent('.notice'), '2 photos added to Favourites')
    const members = await allAlbumPhotos(server.db, target, 'owner')
    t.same(
      members.map(p => p.uid),
      photos.slice(0, 2).map(p => p.uid),
      'the two photos are in the album'
    )

    await boxes.nth(3).click()
    await page.locator('[data-selection-bar] summary[title="More actions"]').click()
    await Promise.all([page.waitForURL(/done=private/), page.locator('button:has-text("Make private")').click()])
    t.equal(
      (
        await server.db
          .selectFrom('photos')
          .select('private')
          .where('uid', '=', photos[3].uid)
          .executeTakeFirstOrThrow()
      ).private,
      1,
      'made private'
    )
    t.ok(await page.locator('.tile').nth(3).locator('.badge[title="Private"]').isVisible(), 'the grid shows its lock')
    await e2e.checkA11y(t, page, 'owner album after a bulk action')

    await page.goto(`${server.base}/albums/${manual.uid}`)
    await boxes.nth(0).click()
    await page.locator('[data-selection-bar] summary[title="More actions"]').click()
    await Promise.all([page.waitForURL(/done=removed/), page.locator('button:has-text("Remove from album")').click()])
    t.equal(await page.locator('.tile').count(), 2, 'removed from the manual album')
  })
})
