// Shared pieces of the browser walks: find and launch Chromium, start the
// real server on an ephemeral port, check pages with axe-core, save screenshots.
import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Test } from 'tap'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page
} from 'playwright-core'
import { buildTestApp, OWNER_PASSWORD, ROOT, type BuildOptions, type TestApp } from '../helper.ts'

export { OWNER_PASSWORD }
export { demoAlbum, demoAlbums, folderAlbum, sharedToscana } from './demo-albums.ts'
export const RESULTS = join(ROOT, 'test-results')

/** CHROMIUM_PATH when set, else the Debian package's /usr/bin/chromium; undefined when that file is missing. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  return existsSync(path) ? path : undefined
}

const inCI = (): boolean => process.env.CI === 'true' || process.env.CI === '1'

/**
 * Runs `fn` as a subtest when Chromium is there. Without it: outside CI the
 * walk is skipped with a loud message; in CI (CI=true) it fails.
 */
export async function browserTest(t: Test, name: string, fn: (t: Test) => Promise<void>): Promise<void> {
  if (chromiumPath()) {
    await t.test(name, {}, fn)
    return
  }
  const message = `Chromium not found at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'} (set CHROMIUM_PATH or install the "chromium" package): browser walks cannot run`
  if (inCI()) {
    t.fail(message)
    return
  }
  const bar = '!'.repeat(message.length + 8)
  const banner = `\n${bar}\n!!! ${message} !!!\n!!! SKIPPING: ${name}\n${bar}\n`
  console.error(banner)
  // tap's terse reporter swallows a test's stderr: say it on the terminal too, when there is one.
  try {
    writeFileSync('/dev/tty', banner)
  } catch {}
  await t.test(name, { skip: message }, async () => {})
}

/** One browser per test file, closed at teardown. */
export async function launchBrowser(
  t: { teardown: (fn: () => unknown) => void },
  extraArgs: string[] = []
): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs
    ]
  })
  t.teardown(async () => {
    await browser.close()
  })
  return browser
}

export interface E2EServer extends TestApp {
  base: string
}

/** The real app (buildApp) on a fresh copy of the demo library, listening on an ephemeral port. */
export async function startServer(
  t: { teardown: (fn: () => unknown) => void },
  options?: BuildOptions
): Promise<E2EServer> {
  const test = await buildTestApp(t, options)
  await test.app.listen({ port: 0, host: '127.0.0.1' })
  const address = test.app.server.address()
  if (!address || typeof address === 'string') throw new Error('server has no TCP address')
  return { ...test, base: `http://127.0.0.1:${address.port}` }
}

/** A walk's server and its browser (`browserArgs`: e.g. software WebGL for the map). */
export async function startWalk(t: Test, browserArgs: string[] = []): Promise<{ server: E2EServer; browser: Browser }> {
  const server = await startServer(t)
  return { server, browser: await launchBrowser(t, browserArgs) }
}

/**
 * A browser context whose pages report script errors and CSP refusals to
 * `problems` (checked by `expectNoProblems`). `javaScriptEnabled: false` for
 * the no-JS walks.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {}
): Promise<BrowserContext & { problems: string[] }> {
  const context = (await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...options
  })) as BrowserContext & { problems: string[] }
  context.problems = []
  context.setDefaultTimeout(15_000)
  if (options.javaScriptEnabled === false) withoutScripts.add(context)
  context.on('page', page => {
    watchPage(page, context.problems)
  })
  return context
}

function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', err => {
    problems.push(`${page.url()}: uncaught ${err.message}`)
  })
  page.on('console', msg => {
    // A page answered with 404 (revoked links, the goodbye check) logs a resource error; that is expected.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) {
      problems.push(`${page.url()}: console error: ${msg.text()}`)
    }
  })
}

export function expectNoProblems(t: Test, context: { problems: string[] }): void {
  t.same(context.problems, [], 'no script errors or CSP refusals in the browser')
  context.problems.length = 0
}

type PageWalk = (t: Test, page: Page, context: BrowserContext) => Promise<void>

/** Context options for a walk with JavaScript off. */
export const NO_JS: BrowserContextOptions = { javaScriptEnabled: false }
/** Context options for a walk on a phone: 390 × 844, touch. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/**
 * Subtests of `t` that each walk one page of their own: a new context (see
 * `newContext`, with `options` when given) and page, then the walk, then
 * `expectNoProblems`; the context is closed after.
 */
export function pageTests(
  t: Test,
  browser: Browser
): (name: string, ...walk: [PageWalk] | [BrowserContextOptions, PageWalk]) => Promise<void> {
  return async (name, ...args) => {
    const [options, walk] = args.length === 1 ? [{}, args[0]] : args
    await t.test(name, async t => {
      const context = await newContext(browser, options)
      const page = await context.newPage()
      await walk(t, page, context)
      expectNoProblems(t, context)
      await context.close()
    })
  }
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

/**
 * Runs axe-core in the page and fails on any "serious" or "critical"
 * violation, printed readably. The source is evaluated through DevTools, so
 * the app's strict CSP (script-src 'self') stays on during the walks.
 */
export async function checkA11y(t: Test, page: Page, label: string): Promise<void> {
  // The same DOM (say a list page with JS on and off) is audited once per test file.
  const html = await page.content()
  const key = createHash('sha1')
    .update(JSON.stringify(page.viewportSize()))
    .update(html.replace(/name="_csrf" value="[^"]*"/g, ''))
    .digest('hex')
  let violations = audited.get(key)
  if (!violations) {
    violations = withoutScripts.has(page.context()) ? await axeOnCopy(page, html) : await runAxe(page)
    audited.set(key, violations)
  }
  const bad = violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  const report = bad
    .map(
      v =>
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map(
            n =>
              `      at ${n.target.join(' ')}\n        ${n.html.slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`
          )
          .join('\n')
    )
    .join('\n')
  if (bad.length > 0) {
    console.error(`\naxe: ${bad.length} serious/critical violation(s) on ${label} (${page.url()}):\n${report}\n`)
  }
  t.ok(
    bad.length === 0,
    `axe: no serious or critical violations on ${label}`,
    bad.length ? { diagnostic: true, violations: report } : {}
  )
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const ready = await page.evaluate('typeof window.axe === "object"')
  if (!ready) await page.evaluate(await axeSource)
  return (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })) as AxeViolation[]
}

const audited = new Map<string, AxeViolation[]>()
const withoutScripts = new WeakSet<BrowserContext>()
const auditPages = new WeakMap<BrowserContext, Page>()

/**
 * axe needs timers, which do not run in a page with JavaScript off. So the
 * page's DOM as it stands is served again, at the same URL with the same
 * cookies and styles but none of the app's scripts, to a JS-enabled audit page.
 */
async function axeOnCopy(page: Page, html: string): Promise<AxeViolation[]> {
  const source = page.context()
  let audit = auditPages.get(source)
  if (!audit) {
    const browser = source.browser()
    if (!browser) throw new Error('context without browser')
    const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined })
    audit = await context.newPage()
    await audit.route('**/static/js/**', async route => {
      await route.abort()
    })
    auditPages.set(source, audit)
    // When a failed walk leaves its context open, the browser's teardown closes both at once: nothing left to do then.
    source.on('close', () => {
      context.close().catch(() => {})
    })
  }
  await audit.context().clearCookies()
  await audit.context().addCookies(await source.cookies())
  const url = page.url().split('#')[0]
  const same = (u: URL): boolean => u.href.split('#')[0] === url
  await audit.route(same, async route => {
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
  })
  try {
    await audit.goto(url)
    return await runAxe(audit)
  } finally {
    await audit.unroute(same)
  }
}

/** Every button and link that shows only an icon must have an accessible name. */
export async function checkIconButtonNames(t: Test, page: Page, label: string): Promise<void> {
  const unnamed = await page.$$eval('a, button, summary, [role=button]', elements =>
    elements
      .filter(el => (el as HTMLElement).offsetParent !== null || el.closest('details'))
      .filter(
        el =>
          el.querySelector('svg') &&
          (el.textContent ?? '').trim() === '' &&
          !el.getAttribute('aria-label') &&
          !el.getAttribute('aria-labelledby')
      )
      .map(el => el.outerHTML.slice(0, 120))
  )
  t.same(unnamed, [], `every icon-only control on ${label} has a name`)
}

/**
 * Whether an <img> loads and has pixels. Lazy images load after the page's
 * load event, so this waits for the image (up to 10 s) instead of reading it at once.
 */
export async function imageLoads(img: Locator): Promise<boolean> {
  return await img.evaluate(async el => {
    const image = el as HTMLImageElement
    if (!image.complete) {
      await new Promise(resolve => {
        image.addEventListener('load', resolve, { once: true })
        image.addEventListener('error', resolve, { once: true })
        setTimeout(resolve, 10_000)
      })
    }
    return image.naturalWidth > 0
  })
}

/** Saves a screenshot of the viewport to test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true })
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: false })
}

/** Signs in through the login form. */
export async function signInOwner(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`)
  await page.fill('#password', OWNER_PASSWORD)
  await Promise.all([page.waitForURL(`${base}/albums`), page.click('button[type=submit]')])
}
