// Every page on a 390 px wide phone, with JavaScript on and off: nothing
// scrolls sideways; the owner's navigation is a bottom bar with a More menu,
// app bar actions fold into a ⋮ menu, /links is a list of cards, the
// visitor's photo fills the screen.
import t from 'tap'
import type { Page } from 'playwright-core'
import { addPhotos, createAlbum } from '../../src/library/albums/manual.ts'
import { allAlbumPhotos } from '../../src/library/photos.ts'
import { createLink } from '../../src/sharing/links.ts'
import * as e2e from './harness.ts'

const scrollWidth = async (page: Page): Promise<number> =>
  await page.evaluate(() => document.scrollingElement!.scrollWidth)

await e2e.browserTest(t, 'phones', async t => {
  const { server, browser } = await e2e.startWalk(t, ['--enable-unsafe-swiftshader'])
  const state = await e2e.demoAlbum(server, 'state', 'toscana')
  const photos = await allAlbumPhotos(server.db, state, 'visitor')
  const manual = await createAlbum(server.db, {
    title: 'Summer in Tuscany, Umbria and a few days by the sea',
    description: 'Two weeks in June.'
  })
  await addPhotos(
    server.db,
    manual.id,
    photos.map(p => p.uid)
  )
  // One secret for two albums (the visitor's list), and a long one.
  await createLink(server.db, state.id, 'owner', { token: 'phone-walk-shared' })
  await createLink(server.db, manual.id, 'owner', { token: 'phone-walk-shared' })
  await createLink(server.db, manual.id, 'owner', { token: 'a-long-secret-for-the-family-only-2024-phone' })

  const visitorPages = [
    ['visitor list', '/s/phone-walk-shared'],
    ['visitor album', `/s/phone-walk-shared/${state.uid}`],
    ['visitor photo', `/s/phone-walk-shared/${state.uid}/${photos[1].uid}`],
    ['visitor map', `/s/phone-walk-shared/${state.uid}/map?photo=${photos[1].uid}`]
  ]
  const ownerPages = [
    ['library', '/photos'],
    ['albums', '/albums'],
    ['moments', '/moments'],
    ['calendar', '/calendar'],
    ['states', '/states'],
    ['folders', '/folders'],
    ['archive', '/archive'],
    ['problems', '/library/problems'],
    ['new album', '/albums/new'],
    ['album', `/albums/${manual.uid}`],
    ['album add', `/albums/${manual.uid}/add`],
    ['album edit', `/albums/${manual.uid}/edit`],
    ['album map', `/albums/${manual.uid}/map`],
    ['state album', `/albums/${state.uid}`],
    ['photo', `/photos/${photos[2].uid}?album=${manual.uid}`],
    ['links', '/links'],
    ['share page', `/albums/${manual.uid}/share`]
  ]

  for (const js of [true, false]) {
    await t.test(`every page at 390 px, JavaScript ${js ? 'on' : 'off'}`, async t => {
      const context = await e2e.newContext(browser, { ...e2e.PHONE, javaScriptEnabled: js })
      const page = await context.newPage()
      const check = async (label: string, path: string): Promise<void> => {
        await page.goto(server.base + path)
        await page.waitForLoadState('networkidle')
        t.ok((await scrollWidth(page)) <= 390, `${label}: no sideways scroll (${await scrollWidth(page)} px)`)
      }
      await check('sign-in', '/login')
      for (const [label, path] of visitorPages) await check(label, path)
      await e2e.signInOwner(page, server.base)
      for (const [label, path] of ownerPages) await check(label, path)
      if (js) {
        await page.goto(`${server.base}/albums/${state.uid}`)
        await page.click('.grid-head [data-select-all]')
        t.ok(
          (await page.locator('[data-selection-bar]').isVisible()) && (await scrollWidth(page)) <= 390,
          'an album with everything selected: no sideways scroll'
        )
        await e2e.screenshot(page, 'phone-selection')
        await page.goto(`${server.base}/albums/${manual.uid}`)
        await page.click('.appbar a[data-share-dialog]')
        await page.locator('dialog.share-dialog[open]').waitFor()
        t.ok((await scrollWidth(page)) <= 390, 'share dialog: no sideways scroll')
        await page.locator('dialog.share-dialog [data-toggle]').first().click()
        t.ok((await scrollWidth(page)) <= 390, 'share dialog with a link open: no sideways scroll')
        await e2e.screenshot(page, 'phone-share-dialog')
      }
      e2e.expectNoProblems(t, context)
      await context.close()
    })
  }

  await t.test('owner: bottom bar, More menu, ⋮ menu, link cards', async t => {
    for (const js of [true, false]) {
      const context = await e2e.newContext(browser, { ...e2e.PHONE, javaScriptEnabled: js })
      const page = await context.newPage()
      await e2e.signInOwner(page, server.base)
      const nav = await page.locator('nav.sidenav').boundingBox()
      t.ok(nav && nav.y + nav.height === 844 && nav.width === 390, 'the navigation is a bar along the bottom')
      t.same(
        await page.locator('nav.sidenav > ul a:visible').allTextContents(),
        ['Albums', 'Moments', 'Photos', 'Links'],
        'with four lists'
      )
      await page.click('.nav-more > summary')
      t.same(
        (await page.locator('.nav-more .menu-list :is(a, button):visible').allTextContents()).map(s => s.trim()),
        ['Calendar', 'States', 'Folders', 'Archive', 'Sign out'],
        'and the rest under More'
      )
      await e2e.checkA11y(t, page, `albums on a phone with More open (JS ${js ? 'on' : 'off'})`)
      await e2e.screenshot(page, `phone-nav-more-${js ? 'js' : 'nojs'}`)
      await page.click('.nav-more .menu-list a:has-text("States")')
      await page.waitForURL(`${server.base}/states`)
      t.match(
        await page.getAttribute('.nav-more', 'class'),
        /has-current/,
        'More is marked while one of its lists is open'
      )

      await page.goto(`${server.base}/albums/${manual.uid}`)
      t.ok(await page.locator('.appbar a[data-share-dialog]').isVisible(), 'the album keeps Share in its app bar')
      t.notOk(await page.locator('.appbar .toolbar-wide a[title="Map"]').isVisible(), 'the other actions are folded')
      await page.click('.toolbar-more > summary')
      t.same(
        (await page.locator('.toolbar-more .menu-list a:visible').allTextContents()).map(s => s.trim()),
        ['Download', 'Map', 'Add photos', 'Edit', 'Delete'],
        'into the ⋮ menu'
      )
      await e2e.checkIconButtonNames(t, page, 'album on a phone')
      await e2e.checkA11y(t, page, `album on a phone with the ⋮ menu open (JS ${js ? 'on' : 'off'})`)
      await e2e.screenshot(page, `phone-album-menu-${js ? 'js' : 'nojs'}`)
      await page.click('.toolbar-more .menu-list a:has-text("Map")')
      await page.waitForURL(`${server.base}/albums/${manual.uid}/map`)

      await page.goto(`${server.base}/links`)
      t.equal(await page.locator('.links-table thead').isVisible(), false, 'links: no table header')
      const rows = await page
        .locator('.links-table tbody tr')
        .evaluateAll(trs =>
          trs.map(tr => ({ display: getComputedStyle(tr).display, width: tr.getBoundingClientRect().width }))
        )
      t.ok(rows.length === 3 && rows.every(r => r.display === 'grid' && r.width <= 390 - 24), 'each link is a card')
      // With the head hidden, every figure must carry its column's name, in the same order as the head.
      const heads = await page.locator('.links-table thead th').allTextContents()
      const labels = await page
        .locator('.links-table tbody tr')
        .first()
        .locator('td')
        .evaluateAll(tds => tds.map(td => getComputedStyle(td, '::before').content))
      t.same(
        labels.slice(2, -1).map(l => l.replace(/^"|"$/g, '')),
        heads.slice(2, -1).map(h => h.split(',')[0].replace(/[▲▼]/g, '').trim()),
        'each figure on a card is labelled by its column'
      )
      await e2e.checkA11y(t, page, `links on a phone (JS ${js ? 'on' : 'off'})`)
      await e2e.screenshot(page, `phone-links-${js ? 'js' : 'nojs'}`)
      await context.close()
    }
  })

  await t.test('visitor: the photo fills the screen', async t => {
    for (const js of [true, false]) {
      const context = await e2e.newContext(browser, { ...e2e.PHONE, javaScriptEnabled: js })
      const page = await context.newPage()
      await page.goto(`${server.base}/s/phone-walk-shared`)
      await page.goto(`${server.base}/s/phone-walk-shared/${state.uid}/${photos[1].uid}`)
      const stage = await page.locator('.stage').boundingBox()
      const img = await page.locator('.stage img').boundingBox()
      t.ok(
        stage && stage.width === 390 && stage.height >= 844 - 56,
        `the stage fills the screen (JS ${js ? 'on' : 'off'}: ${stage?.width}×${stage?.height})`
      )
      t.ok(img && img.width === 390, 'the photo spans its width')
      await e2e.checkA11y(t, page, `visitor photo on a phone (JS ${js ? 'on' : 'off'})`)
      await e2e.checkIconButtonNames(t, page, 'visitor photo on a phone')
      await e2e.screenshot(page, `phone-visitor-photo-${js ? 'js' : 'nojs'}`)
      await context.close()
    }
  })
})
