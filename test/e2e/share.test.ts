// Owner share walk in a real browser: the share dialog from a card's context
// menu, from an album toolbar and from a cover's share icon; details, secret,
// expiry (a picked date chooses "On a date…"), copy by click, Enter and Space,
// add, one secret for two albums, delete with confirm(); the keyboard path
// through the dialog; and the same flow without JavaScript (a date beside
// "Never" is a form error that keeps what was typed).
import t from 'tap'
import type { Page } from 'playwright-core'
import * as e2e from './harness.ts'
import { dialog, reloadAfter, rows } from './share-ui.ts'

const SECRET = 'summer-trip-2024'
const DAY = 24 * 3600 * 1000

/** Opens an album page from a list page by its card title. */
async function openAlbum(page: Page, server: e2e.E2EServer, list: string, title: string): Promise<void> {
  await page.goto(`${server.base}${list}`)
  await page.locator('.album-card .card-title a', { hasText: title }).first().click()
  await page.waitForURL(/\/albums\/a[a-z0-9]+$/)
}

/** Waits until the dialog's panel was redrawn with `count` rows. */
async function waitForRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction(n => document.querySelectorAll('dialog.share-dialog[open] .link-row').length === n, count)
}

async function saveSecret(page: Page, row: ReturnType<typeof rows>, secret: string): Promise<void> {
  await row.locator('input[name=secret]').fill(secret)
  await row.locator('button:has-text("Save")').click()
  await page.waitForFunction(
    s =>
      [...document.querySelectorAll<HTMLInputElement>('dialog.share-dialog[open] input.url')].some(i =>
        i.value.includes(`/s/${s}/`)
      ),
    secret
  )
}

await e2e.browserTest(t, 'owner share walk', async t => {
  const { server, browser } = await e2e.startWalk(t)
  const pageTest = e2e.pageTests(t, browser)

  await pageTest('JavaScript on: dialog over the page', async (t, page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base })
    await e2e.signInOwner(page, server.base)

    // From an album toolbar.
    await openAlbum(page, server, '/states', 'Toscana')
    const albumUrl = page.url()
    await page.click('.appbar a[data-share-dialog]')
    await dialog(page).waitFor()
    t.equal(page.url(), albumUrl, 'the dialog opens over the album page')
    t.match(await dialog(page).locator('h2').textContent(), 'Share Toscana', 'dialog title names the album')
    t.match(await dialog(page).textContent(), 'This album has no link yet.', 'an unshared album has no rows yet')
    await e2e.checkA11y(t, page, 'share dialog (no links)')
    await dialog(page).locator('button:has-text("Create link")').click()
    await waitForRows(page, 1)
    const row = rows(page).first()
    const chevron = row.locator('.chevron')
    t.equal(await chevron.getAttribute('aria-expanded'), 'true', 'a new link opens with its details shown')
    await e2e.checkA11y(t, page, 'share dialog (new link, details open)')
    await e2e.checkIconButtonNames(t, page, 'share dialog')
    await e2e.screenshot(page, 'share-dialog-open')

    await chevron.click()
    t.equal(await chevron.getAttribute('aria-expanded'), 'false', 'the chevron closes the details')
    t.ok(await row.locator('.link-body').isHidden(), 'details hidden')
    await chevron.click()
    t.equal(await chevron.getAttribute('aria-expanded'), 'true', 'and opens them again')
    t.ok(await row.locator('input[name=secret]').isVisible(), 'secret field shown')

    // A new link never expires: it offers no "Extend by", and picking a date chooses "On a date…".
    const expires = row.locator('select[name=expires]')
    t.equal(await expires.inputValue(), 'never', 'a new link never expires')
    t.equal(await expires.locator('option', { hasText: 'Extend by' }).count(), 0, 'so it has nothing to extend')
    await row.locator('input[name=expires_date]').fill(new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10))
    t.equal(await expires.inputValue(), 'custom', 'picking a date chooses "On a date…"')
    await saveSecret(page, row, SECRET)
    const url = await rows(page).first().locator('input.url').inputValue()
    t.equal(url, `${server.base}/s/${SECRET}/toscana`, 'the URL carries the new secret')
    t.match(
      await rows(page).first().locator('.link-facts', { hasText: 'Created' }).textContent(),
      /expires \d+ \w+ \d{4}, 23:59 UTC/,
      'the row says when it expires'
    )
    const stored = await server.db.selectFrom('links').selectAll().where('token', '=', SECRET).executeTakeFirstOrThrow()
    const inDays = (Date.parse(stored.expires_at!) - Date.now()) / DAY
    t.ok(inDays > 7 && inDays < 8, `stored expiry is the end of the day a week away (${inDays.toFixed(2)} days)`)
    t.match(
      await rows(page).first().locator('select[name=expires] option[value="1w"]').textContent(),
      /^Extend by 1 week \(until \d+ \w+ \d{4}\)$/,
      'now it offers extensions, with their dates'
    )

    // Copy: a click, then Enter and Space on the focused field.
    const copied = async (how: string, act: () => Promise<void>): Promise<void> => {
      await page.evaluate(async () => {
        await navigator.clipboard.writeText('')
        const status = document.querySelector('dialog.share-dialog[open] .copied')
        if (status) status.textContent = ''
      })
      await act()
      await page.waitForFunction(
        () => document.querySelector('dialog.share-dialog[open] .copied')?.textContent === 'Copied'
      )
      t.pass(`${how} says "Copied"`)
      t.equal(
        await page.evaluate(async () => await navigator.clipboard.readText()),
        url,
        `${how}: the clipboard holds the URL`
      )
    }
    const field = rows(page).first().locator('input.url')
    await copied('clicking the URL', async () => {
      await field.click()
    })
    await field.focus()
    await copied('Enter on the URL', async () => {
      await page.keyboard.press('Enter')
    })
    await copied('Space on the URL', async () => {
      await page.keyboard.press(' ')
    })
    t.ok(await dialog(page).isVisible(), 'and the dialog stays open')

    // Add link.
    await dialog(page).locator('button:has-text("Add link")').click()
    await waitForRows(page, 2)
    t.not(await rows(page).nth(1).locator('input.url').inputValue(), url, 'the second link has its own secret')
    await e2e.checkA11y(t, page, 'share dialog (two links)')
    await rows(page).nth(1).locator('.chevron').click()
    await e2e.screenshot(page, 'share-dialog-rows')

    await reloadAfter(page, async () => await dialog(page).locator('a[data-close]').click())
    await page.locator('.appbar .chip:has-text("Shared")').waitFor()
    t.pass('after closing, the album shows the Shared chip')

    // From a card's context menu, sharing a second album under the same secret.
    await page.goto(`${server.base}/moments`)
    const card = page.locator('.album-card', { has: page.locator('.card-title', { hasText: 'Toscana, June 2024' }) })
    t.equal(await card.locator('.cover-share').count(), 0, 'an unshared card has no share icon')
    await card.locator('details.menu > summary').click()
    await card.locator('.menu-list a:has-text("Share")').click()
    await dialog(page).waitFor()
    t.notOk(await card.locator('details.menu').getAttribute('open'), 'the menu closed behind the dialog')
    await dialog(page).locator('button:has-text("Create link")').click()
    await waitForRows(page, 1)
    await saveSecret(page, rows(page).first(), SECRET)
    const also = rows(page).first().locator('.also')
    t.match(
      await also.textContent(),
      /This secret also shares:\s*Toscana/,
      'the row says which other album the secret shares'
    )
    await e2e.checkA11y(t, page, 'share dialog (secret shared with another album)')
    await reloadAfter(page, async () => await page.keyboard.press('Escape'))
    await card.locator('.cover-share').waitFor()
    t.pass('the card now has the share icon on its cover')
    t.equal(
      await page.evaluate(
        () =>
          document.activeElement?.matches('details.menu > summary') &&
          document.activeElement.closest('.album-card')?.querySelector('.card-title')?.textContent?.trim()
      ),
      'Toscana, June 2024',
      "after the reload, focus is back on the card's menu button"
    )
    await e2e.checkA11y(t, page, 'moments with a shared card')

    // A manual album with photos, shared, then its link deleted from the share icon on its cover.
    await page.goto(`${server.base}/albums`)
    await page.click('.appbar a:has-text("New album")')
    await page.fill('#title', 'Beach days')
    await e2e.checkA11y(t, page, 'new album form')
    await page.click('button:has-text("Create album")')
    await page.waitForURL(/\/albums\/a[a-z0-9]+$/)
    const beach = page.url()
    t.match(await page.textContent('main'), 'This album is empty', 'the new album starts empty')
    await page.click('.appbar a[title="Add photos"]')
    await page.waitForURL(/\/add$/)
    await e2e.checkA11y(t, page, 'add photos page')
    for (let i = 0; i < 3; i++) await page.locator('.photo-grid .tile .select input').nth(i).check()
    await page.click('button:has-text("Add to album")')
    await page.waitForURL(beach)
    t.equal(await page.locator('.photo-grid .tile').count(), 3, 'the album has the three photos')
    await page.click('.appbar a[data-share-dialog]')
    await dialog(page).locator('button:has-text("Create link")').click()
    await waitForRows(page, 1)
    await reloadAfter(page, async () => await page.keyboard.press('Escape'))

    await page.goto(`${server.base}/albums`)
    const beachCard = page.locator('.album-card', { has: page.locator('.card-title', { hasText: 'Beach days' }) })
    await e2e.checkA11y(t, page, 'albums with a shared manual album')
    await e2e.screenshot(page, 'owner-albums-shared')
    await beachCard.locator('.cover-share').click()
    await dialog(page).waitFor()
    await rows(page).first().locator('.chevron').click()
    page.once('dialog', async d => {
      t.match(d.message(), 'Delete this link?', 'Delete asks with confirm()')
      await d.dismiss()
    })
    await rows(page).first().locator('a:has-text("Delete")').click()
    t.equal(await rows(page).count(), 1, 'dismissing the confirmation keeps the link')
    page.once('dialog', async d => {
      await d.accept()
    })
    await rows(page).first().locator('a:has-text("Delete")').click()
    await waitForRows(page, 0)
    t.match(await dialog(page).textContent(), 'This album has no link yet.', 'accepting deletes it')
    await reloadAfter(page, async () => await page.keyboard.press('Escape'))
    await beachCard.locator('.card-title').waitFor()
    t.equal(await beachCard.locator('.cover-share').count(), 0, 'the share icon left the cover')
    t.equal(
      await page.evaluate(() => document.activeElement?.matches('details.menu > summary')),
      true,
      "focus went to the card's menu button"
    )
    t.equal(
      Number(
        (
          await server.db
            .selectFrom('links')
            .select(eb => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      ),
      3,
      'three links remain in the library'
    )
  })

  await pageTest('keyboard: open, chevron, save, Esc, focus back on the opener', async (t, page) => {
    await e2e.signInOwner(page, server.base)
    await openAlbum(page, server, '/states', 'Berlin')
    const focused = async (selector: string): Promise<boolean> =>
      await page
        .locator(selector)
        .first()
        .evaluate(el => el === document.activeElement)
        .catch(() => false)
    // Focus that moves in an event handler (the dialog's close event fires after Esc) is waited for.
    const focusLands = async (selector: string): Promise<boolean> =>
      await page
        .waitForFunction(sel => document.querySelector(sel) === document.activeElement, selector, { timeout: 5000 })
        .then(
          () => true,
          () => false
        )
    const tabTo = async (selector: string, limit = 40): Promise<void> => {
      for (let i = 0; i < limit; i++) {
        if (await focused(selector)) return
        await page.keyboard.press('Tab')
      }
      throw new Error(`Tab never reached ${selector}`)
    }
    const opener = '.appbar a[data-share-dialog]'

    await tabTo(opener)
    t.pass('Tab reaches the toolbar Share button')
    await page.keyboard.press('Enter')
    await dialog(page).waitFor()
    t.ok(
      await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]'))),
      'focus moves into the dialog'
    )
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'detached' })
    t.ok(await focusLands(opener), 'Esc closes it and focus returns to Share')

    await page.keyboard.press('Enter')
    await dialog(page).waitFor()
    await tabTo('dialog button:has-text("Create link")')
    await page.keyboard.press('Enter')
    await waitForRows(page, 1)
    t.ok(await focused('dialog input[name=secret]'), "after creating, focus is on the new link's secret")

    await tabTo('dialog .chevron')
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!)
      return `${s.outlineStyle} ${s.outlineWidth}`
    })
    t.match(ring, /^solid [1-9]/, `the focused chevron shows a focus ring (${ring})`)
    await page.keyboard.press('Enter')
    t.equal(
      await rows(page).first().locator('.chevron').getAttribute('aria-expanded'),
      'false',
      'Enter on the chevron closes the details'
    )
    await page.keyboard.press(' ')
    t.equal(
      await rows(page).first().locator('.chevron').getAttribute('aria-expanded'),
      'true',
      'Space opens them again'
    )

    await tabTo('dialog input[name=secret]')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('berlin-by-keyboard')
    await tabTo('dialog button:has-text("Save")')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLInputElement>('dialog.share-dialog[open] input.url')
        ?.value.includes('/s/berlin-by-keyboard/')
    )
    t.pass('Save by keyboard stores the secret')
    t.ok(
      await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]'))),
      'focus stays in the dialog after saving'
    )

    await reloadAfter(page, async () => await page.keyboard.press('Escape'))
    await page.locator('.appbar .chip').waitFor()
    t.ok(await focusLands(opener), 'after Esc (and the reload that shows the Shared chip) focus is on Share again')
  })

  await pageTest('JavaScript off: the share page, ?open= chevron and the confirm page', e2e.NO_JS, async (t, page) => {
    await e2e.signInOwner(page, server.base)

    await page.goto(`${server.base}/moments`)
    const card = page.locator('.album-card', { has: page.locator('.card-title', { hasText: 'Lazio, June 2024' }) })
    await card.locator('details.menu > summary').click()
    t.ok(await card.locator('.menu-list').isVisible(), 'the context menu opens without JavaScript')
    await e2e.checkA11y(t, page, 'moments with an open context menu (no JS)')
    await card.locator('.menu-list a:has-text("Share")').click()
    await page.waitForURL(/\/albums\/a[a-z0-9]+\/share$/)
    const sharePage = page.url()
    await e2e.checkA11y(t, page, 'share page (no JS, no links)')
    await page.click('button:has-text("Create link")')
    await page.waitForURL(/\/share\?open=\d+/)
    const row = page.locator('.link-row').first()
    t.ok(await row.locator('input[name=secret]').isVisible(), 'the new link opens with its details')
    await e2e.checkA11y(t, page, 'share page (no JS, details open)')

    const date = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10)
    await row.locator('input[name=secret]').fill('lazio-no-script')
    await row.locator('input[name=expires_date]').fill(date)
    await row.locator('input[name=max_visits]').fill('25')
    t.equal(
      await row.locator('select[name=expires]').inputValue(),
      'never',
      'without JavaScript the date does not choose for the owner'
    )
    await reloadAfter(page, async () => await row.locator('button:has-text("Save")').click())
    t.match(
      await row.locator('.form-error').textContent(),
      'You entered the date',
      'a date beside "Never" is a form error'
    )
    t.match(await row.locator('.form-error').textContent(), 'choose "On a date…"', 'that says what to choose')
    t.equal(await row.locator('input[name=secret]').inputValue(), 'lazio-no-script', 'the typed secret is still there')
    t.equal(await row.locator('input[name=expires_date]').inputValue(), date, 'so is the date')
    t.equal(await row.locator('input[name=max_visits]').inputValue(), '25', 'and the visit limit')
    await e2e.checkA11y(t, page, 'share page (no JS, expiry error)')
    await row.locator('select[name=expires]').selectOption('custom')
    await row.locator('button:has-text("Save")').click()
    await page.waitForURL(/\/share\?open=\d+/)
    t.match(
      await page.locator('.link-row input.url').first().inputValue(),
      /\/s\/lazio-no-script\/lazio-june-2024$/,
      'saved secret'
    )
    t.match(
      await page.locator('.link-row .link-facts', { hasText: 'Created' }).first().textContent(),
      /expires \d+ \w+ \d{4}, 23:59 UTC/,
      'the row says when it expires'
    )
    t.match(
      (
        await server.db
          .selectFrom('links')
          .select('expires_at')
          .where('token', '=', 'lazio-no-script')
          .executeTakeFirstOrThrow()
      ).expires_at,
      date,
      'saved expiry date'
    )

    await page.locator('.link-row .chevron').first().click()
    await page.waitForURL(u => !u.search.includes('open='))
    t.ok(await page.locator('.link-row .link-body').first().isHidden(), 'the chevron of an open row closes it')
    await page.locator('.link-row .chevron').first().click()
    await page.waitForURL(/\/share\?open=\d+/)
    t.ok(await page.locator('.link-row .link-body').first().isVisible(), 'and opens it again (?open=)')

    await page.click('button:has-text("Add link")')
    await page.waitForURL(/\/share\?open=\d+/)
    t.equal(await page.locator('.link-row').count(), 2, 'Add link adds a row')
    await page.locator('.link-row').nth(1).locator('a:has-text("Delete")').click()
    await page.waitForURL(/\/links\/\d+\/delete$/)
    t.match(
      await page.textContent('main'),
      'Anyone who has it loses access at once.',
      'without JS, Delete asks on a confirm page'
    )
    await e2e.checkA11y(t, page, 'delete link confirm page (no JS)')
    await e2e.checkIconButtonNames(t, page, 'delete link confirm page')
    await page.click('button:has-text("Delete link")')
    await page.waitForURL(sharePage)
    t.equal(await page.locator('.link-row').count(), 1, 'the confirm page deletes the link')
    await page.click('.appbar a[title="Back to the album"]')
    await page.waitForURL(/\/albums\/a[a-z0-9]+$/)
    t.ok(await page.locator('.appbar .chip:has-text("Shared")').isVisible(), 'the album is shared')
  })
})
