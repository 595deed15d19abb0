// The owner's share dialog as the walks drive it: with JavaScript a modal
// <dialog> over the album page, without it the page /albums/:uid/share.
import type { Locator, Page } from 'playwright-core'

export const dialog = (page: Page): Locator => page.locator('dialog.share-dialog[open]')
export const rows = (page: Page): Locator => dialog(page).locator('.link-row')

/**
 * Runs `action` and waits for the page load it causes (a reload after a changed dialog closes, a form post without JS).
 */
export async function reloadAfter(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()])
}

/**
 * Opens one link's details in the share dialog (JS) or on the share page (no
 * JS), lets `edit` fill its form, saves, and returns the row as redrawn.
 */
export async function editLink(
  page: Page,
  base: string,
  albumUid: string,
  linkId: number,
  js: boolean,
  edit: (row: Locator) => Promise<void>
): Promise<Locator> {
  if (js) {
    await page.goto(`${base}/albums/${albumUid}`)
    await page.click('.appbar a[data-share-dialog]')
  } else {
    await page.goto(`${base}/albums/${albumUid}/share`)
  }
  const row = (js ? dialog(page) : page.locator('main')).locator(`#link-${linkId}`)
  const chevron = row.locator('.chevron')
  if (js) await chevron.click()
  else await reloadAfter(page, async () => await chevron.click())
  await edit(row)
  const save = row.locator('button:has-text("Save")')
  if (js) {
    // The panel is redrawn in place: wait until the row that was saved is gone and its successor is there.
    const saved = await row.elementHandle()
    await save.click()
    await page.waitForFunction(el => !el?.isConnected, saved)
    await row.waitFor()
  } else {
    await reloadAfter(page, async () => await save.click())
  }
  return row
}
