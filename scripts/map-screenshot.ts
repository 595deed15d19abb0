// Walks the map feature in a real browser and saves docs/map.png:
// sign in, share a state album, open the link as a visitor, open a photo,
// click its place (other views go to the temp folder). Fails on any console
// error or warning (CSP violations show up there).
// Run against a server on the demo library:
//   ALBUMLINK_DATA=$(mktemp -d) ALBUMLINK_PORT=2390 ALBUMLINK_PASSWORD=secret123 npx tsx src/cli.ts serve
//   npx tsx scripts/map-screenshot.ts http://127.0.0.1:2390 secret123 [docs/map.png]
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const [origin = 'http://127.0.0.1:2342', password = 'secret123', out = 'docs/map.png'] = process.argv.slice(2)
/** The other views are saved for a look, not for the docs. */
const extra = (name: string): string => join(tmpdir(), `albumlink-map-${name}.png`)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--use-gl=swiftshader',
    '--enable-unsafe-swiftshader'
  ]
})
const errors: string[] = []
try {
  const owner = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  owner.on('console', m => {
    if (m.type() === 'error') errors.push(`owner: ${m.text()}`)
  })
  await owner.goto(`${origin}/login`)
  await owner.fill('input[name=password]', password)
  await owner.click('button[type=submit]')
  await owner.goto(`${origin}/states`)
  await owner.click('.album-card a.cover')
  const albumUid = new URL(owner.url()).pathname.split('/').pop() as string
  await owner.goto(`${origin}/albums/${albumUid}/share`)
  await owner.click(`form[action="/albums/${albumUid}/links"] button`)
  const link = await owner.inputValue('input.url')

  // A fresh context: the visitor has no owner cookie.
  const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  visitor.on('console', m => {
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('GL Driver Message')) {
      errors.push(`visitor ${m.type()}: ${m.text()}`)
    }
  })
  visitor.on('pageerror', e => errors.push(`visitor: ${e.message}`))
  visitor.on('worker', w => console.log(`worker: ${w.url()}`))
  await visitor.goto(link)
  await visitor.click('.photo-grid a >> nth=3')
  await visitor.click('a.place')
  await visitor.waitForSelector('.map-photo.focused', { timeout: 20000 })
  await visitor.waitForSelector('.maplibregl-popup img')
  await visitor.waitForFunction(() => [...document.images].every(i => i.complete))
  await visitor.waitForTimeout(500)
  await visitor.screenshot({ path: out })
  console.log(`saved ${out} from ${visitor.url()}`)

  // The same album zoomed out: clusters, and a click on one zooms in.
  await visitor.goto(visitor.url().replace(/\?.*$/, ''))
  await visitor.waitForSelector('.map-cluster .count', { timeout: 20000 })
  await visitor.waitForTimeout(500)
  await visitor.screenshot({ path: extra('clusters') })
  const count = async (selector: string): Promise<number> => await visitor.locator(selector).count()
  console.log(`before: ${await count('.map-cluster')} clusters, ${await count('.map-photo')} photos`)
  while ((await count('.map-cluster')) > 0 && (await count('.map-photo')) === 0) {
    await visitor.locator('.map-cluster').last().click()
    await visitor.waitForTimeout(1200)
  }
  console.log(`after zooming in: ${await count('.map-cluster')} clusters, ${await count('.map-photo')} photos`)
  await visitor.locator('.map-photo').last().click()
  await visitor.waitForSelector('.maplibregl-popup .map-preview')
  console.log(`popup: ${await visitor.textContent('.maplibregl-popup .map-preview')}`)
  await visitor.waitForTimeout(500)
  await visitor.screenshot({ path: extra('photos') })

  await owner.goto(`${origin}/albums/${albumUid}/map`)
  await owner.waitForSelector('.map-cluster .count, .map-photo img', { timeout: 20000 })
  await owner.waitForTimeout(500)
  await owner.screenshot({ path: extra('owner') })

  const noScript = await (
    await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 500 } })
  ).newPage()
  await noScript.goto(link)
  await noScript.goto(visitor.url())
  await noScript.screenshot({ path: extra('nojs') })
} finally {
  await browser.close()
}
if (errors.length > 0) {
  console.error(errors.join('\n'))
  process.exit(1)
}
