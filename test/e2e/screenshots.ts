// `npm run screenshots`: refreshes the README's screenshots in docs/ from the
// real app in Chromium (desktop, and a 390 px phone), on a fresh copy of the demo library with a few manual
// albums and links. (docs/map.png belongs to the map page and is not made here.)
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/db/schema.ts'
import { addPhotos, createAlbum, setCover } from '../../src/library/albums/manual.ts'
import { setPrivate } from '../../src/library/photos.ts'
import { createLink, updateLink } from '../../src/sharing/links.ts'
import { hashPassword } from '../../src/util/passwords.ts'
import { ROOT } from '../helper.ts'
import * as e2e from './harness.ts'

const DOCS = join(ROOT, 'docs')
// Share URLs are built from the request's host: the browser resolves this name to the test server.
const HOST = 'photos.example.org'

async function photosOf(db: Kysely<DB>, folderLike: string): Promise<string[]> {
  return (
    await db.selectFrom('photos').select('uid').where('path', 'like', `%${folderLike}%`).orderBy('taken_at').execute()
  ).map(p => p.uid)
}

/** Manual albums, a private photo and links (one protected, one expired), so every screenshot has something to show. */
async function stage(db: Kysely<DB>): Promise<{ tuscany: string; paris: string }> {
  const make = async (
    title: string,
    description: string,
    folders: string[],
    cover?: number
  ): Promise<{ id: number; uid: string; photos: string[] }> => {
    const album = await createAlbum(db, { title, description })
    const photos = (await Promise.all(folders.map(async f => await photosOf(db, f)))).flat()
    await addPhotos(db, album.id, photos)
    if (cover !== undefined) await setCover(db, album.id, photos[cover])
    return { id: album.id, uid: album.uid, photos }
  }
  const tuscany = await make(
    'Summer in Tuscany',
    'Florence, Siena and the hills in between — two weeks in June.',
    ['/tuscany/', '/rome/'],
    2
  )
  const paris = await make('Paris weekend', 'A long weekend in September.', ['/paris/'])
  const california = await make('California road trip', 'From San Francisco down the coast.', ['/california/'])
  const munich = await make('Christmas in Munich', 'Markets, snow and pretzels.', ['/munich/'])
  await make('Berlin in winter', '', ['/berlin/'])
  await setPrivate(db, tuscany.photos[4], true)
  const inDays = (days: number): string =>
    new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, '')
  await createLink(db, tuscany.id, 'owner', { token: 'tuscany-for-friends', expires_at: inDays(31) })
  const family = await createLink(db, tuscany.id, 'owner', { token: 'tuscany-family-only' })
  await updateLink(db, tuscany.id, family.id, {
    token: family.token,
    expires_at: null,
    password_hash: await hashPassword('olive-grove-7'),
    allow_downloads: 0
  })
  await createLink(db, paris.id, 'owner', { token: 'tuscany-for-friends' })
  await createLink(db, california.id, 'owner')
  await createLink(db, munich.id, 'owner', { token: 'munich-market-2023', expires_at: inDays(-20) })
  return { tuscany: tuscany.uid, paris: paris.uid }
}

async function shoot(page: Page, name: string): Promise<void> {
  // No focus ring or caret from the clicks that got here.
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur()
  })
  await page.mouse.move(0, 0)
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(DOCS, `${name}.png`), animations: 'disabled', caret: 'hide' })
  console.log(`docs/${name}.png`)
}

async function main(): Promise<void> {
  if (!e2e.chromiumPath()) throw new Error('Chromium not found: install the "chromium" package or set CHROMIUM_PATH')
  const teardown: Array<() => unknown> = []
  const t = {
    teardown: (fn: () => unknown) => {
      teardown.push(fn)
    }
  }
  try {
    const server = await e2e.startServer(t)
    const port = new URL(server.base).port
    const { tuscany } = await stage(server.db)
    const browser = await e2e.launchBrowser(t, [`--host-resolver-rules=MAP ${HOST}:80 127.0.0.1:${port}`])
    const base = `http://${HOST}`
    await mkdir(DOCS, { recursive: true })

    const owner = await e2e.newContext(browser)
    const page = await owner.newPage()
    await e2e.signInOwner(page, base)
    await page.goto(`${base}/albums`)
    await shoot(page, 'albums')

    await page.goto(`${base}/albums/${tuscany}`)
    await shoot(page, 'album')

    await page.click('.appbar a[data-share-dialog]')
    await page.locator('dialog.share-dialog[open] .link-row').first().waitFor()
    await shoot(page, 'share-dialog')
    await page.locator('dialog.share-dialog[open] .link-row .chevron').first().click()
    await shoot(page, 'share-dialog-open')

    await page.goto(`${base}/links`)
    await shoot(page, 'links')

    const visitor = await e2e.newContext(browser)
    const guest = await visitor.newPage()
    await guest.goto(`${base}/s/tuscany-for-friends`)
    await guest.locator('.album-card .card-title a', { hasText: 'Summer in Tuscany' }).click()
    await guest.locator('.photo-grid').waitFor()
    await shoot(guest, 'visitor-album')
    const boxes = guest.locator('.photo-grid .tile input[type=checkbox]')
    await boxes.nth(1).click()
    await boxes.nth(4).click({ modifiers: ['Shift'] })
    await shoot(guest, 'visitor-selection')
    await guest.keyboard.press('Escape')
    await guest.locator('.photo-grid .tile a').nth(2).click()
    await guest.locator('.stage img').waitFor()
    await shoot(guest, 'visitor-photo')

    // Phones: the owner's album with the bottom bar, the visitor's viewer.
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
    const ownerPhone = await e2e.newContext(browser, phone)
    const small = await ownerPhone.newPage()
    await e2e.signInOwner(small, base)
    await small.goto(`${base}/albums/${tuscany}`)
    await shoot(small, 'phone-album')
    const guestPhone = await e2e.newContext(browser, phone)
    const pocket = await guestPhone.newPage()
    await pocket.goto(`${base}/s/tuscany-for-friends`)
    await pocket.locator('.album-card .card-title a', { hasText: 'Summer in Tuscany' }).click()
    await pocket.locator('.photo-grid .tile a').nth(2).click()
    await pocket.locator('.stage img').waitFor()
    await shoot(pocket, 'phone-viewer')

    // A plain-http name that is not localhost makes Chromium ignore (and log) the COOP header; nothing else may show
    // up.
    const problems = [...owner.problems, ...visitor.problems, ...ownerPhone.problems, ...guestPhone.problems].filter(
      p => !p.includes('Cross-Origin-Opener-Policy header has been ignored')
    )
    if (problems.length > 0) throw new Error(`browser problems:\n${problems.join('\n')}`)
  } finally {
    for (const fn of teardown.reverse()) await fn()
  }
}

main().catch(err => {
  console.error(err)
  process.exitCode = 1
})
