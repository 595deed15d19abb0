import t from 'tap'
import sharp from 'sharp'
import jsQRModule from 'jsqr'
import { addLink, albumOfKind, ownerApp, ownerGet, rowHtml, saveLink, storedLink, type Owner } from './share-helpers.ts'
import { openLink } from './visitor-helpers.ts'

// jsqr's types declare an ES default export, but the package is CommonJS whose module.exports is the function itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default

/** What a phone would read from the image: its pixels through sharp, decoded by jsQR. */
async function decode(image: Buffer, options: { density?: number } = {}): Promise<string | null> {
  const { data, info } = await sharp(image, options)
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null
}

/** The URL a row shows in its copy field. */
const rowUrl = (html: string, id: number): string => {
  const url = new RegExp(`id="url-${id}" class="url" type="text" readonly value="([^"]+)"`).exec(rowHtml(html, id))?.[1]
  if (!url) throw new Error(`no URL in row ${id}`)
  return url
}

const dialog = async (o: Owner, uid: string, headers: Record<string, string> = {}): Promise<string> =>
  (await ownerGet(o, `/albums/${uid}/share`, headers)).body

t.test('each link’s details show its QR code inline, encoding exactly the URL the row shows', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'state')
  const first = await addLink(o, album)
  const second = await addLink(o, album)
  const html = await dialog(o, album.uid, { host: 'photos.lan:2342' })
  for (const id of [first, second]) {
    const row = rowHtml(html, id)
    const url = rowUrl(html, id)
    t.match(url, /^http:\/\/photos\.lan:2342\/s\//, 'the row shows the URL on the owner’s origin')
    const figure = /<div class="qr-code" role="img" aria-label="([^"]+)">(<svg[\s\S]*?<\/svg>)\s*<\/div>/.exec(row)
    t.ok(figure, `row ${id}: an inline SVG inside an element with the image role`)
    t.equal(figure?.[1], `QR code of the link ${url}`, `row ${id}: its accessible name says what it is`)
    t.equal(
      await decode(Buffer.from(figure?.[2] ?? ''), { density: 600 }),
      url,
      `row ${id}: the inline code decodes to the row’s URL`
    )
    t.match(row, `href="/links/${id}/qr.svg" download`, 'SVG download')
    t.match(row, `href="/links/${id}/qr.png" download`, 'PNG download')
  }
})

t.test('the SVG and PNG downloads decode to the link, follow its secret and use the public URL', async t => {
  const o = await ownerApp(t, { env: { ALBUMLINK_PUBLIC_URL: 'https://photos.example.org' } })
  const album = await albumOfKind(o, 'month')
  const id = await addLink(o, album)
  const url = rowUrl(await dialog(o, album.uid), id)
  t.match(url, /^https:\/\/photos\.example\.org\/s\/[a-z0-9]{26}\//)

  const png = await ownerGet(o, `/links/${id}/qr.png`, { host: 'evil.example.com' })
  t.equal(png.statusCode, 200)
  t.equal(png.headers['content-type'], 'image/png')
  t.match(png.headers['content-disposition'], /^attachment; filename="[a-z0-9-]+-link-\d+-qr\.png"/)
  t.equal(png.headers['cache-control'], 'private, no-store')
  t.same(
    await sharp(png.rawPayload)
      .metadata()
      .then(m => [m.format, m.width]),
    ['png', 1024]
  )
  t.equal(await decode(png.rawPayload), url, 'the PNG decodes to the dialog’s URL, not the request host')

  const svg = await ownerGet(o, `/links/${id}/qr.svg`)
  t.equal(svg.statusCode, 200)
  t.match(svg.headers['content-type'], /^image\/svg\+xml/)
  t.match(svg.headers['content-disposition'], /^attachment; filename="[a-z0-9-]+-link-\d+-qr\.svg"/)
  t.match(svg.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  t.equal(await decode(svg.rawPayload, { density: 600 }), url, 'the SVG decodes to the same URL')

  const link = (await storedLink(o, id))!
  t.equal((await saveLink(o, album, link, { secret: 'new-secret-for-qr' })).statusCode, 303)
  const changed = await decode((await ownerGet(o, `/links/${id}/qr.png`)).rawPayload)
  t.equal(changed, `https://photos.example.org/s/new-secret-for-qr/${album.slug}`, 'a new secret, a new code')
  t.equal(changed, rowUrl(await dialog(o, album.uid), id))
})

t.test('when the secret shares two albums with one slug, the code names the album by uid like the row', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'state')
  const twin = await albumOfKind(o, 'state', 1)
  await o.db.updateTable('albums').set({ slug: album.slug }).where('id', '=', twin.id).execute()
  const id = await addLink(o, album)
  const twinLink = await addLink(o, twin)
  t.equal((await saveLink(o, album, (await storedLink(o, id))!, { secret: 'twin-slugs-01' })).statusCode, 303)
  t.equal((await saveLink(o, twin, (await storedLink(o, twinLink))!, { secret: 'twin-slugs-01' })).statusCode, 303)
  const url = rowUrl(await dialog(o, album.uid), id)
  t.match(url, `/s/twin-slugs-01/${album.uid}`)
  t.equal(await decode((await ownerGet(o, `/links/${id}/qr.png`)).rawPayload), url)
})

t.test('QR downloads are the owner’s: anonymous and visitor requests get the usual refusal', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'folder')
  const id = await addLink(o, album)
  const visitor = await openLink(o.app, (await storedLink(o, id))!.token)
  for (const ext of ['svg', 'png']) {
    for (const [who, cookie] of [
      ['anonymous', ''],
      ['visitor', visitor]
    ] as const) {
      const res = await o.app.inject({ url: `/links/${id}/qr.${ext}`, headers: { cookie } })
      t.equal(res.statusCode, 302, `${who}, ${ext}: sent to sign in`)
      t.equal(res.headers.location, `/login?next=${encodeURIComponent(`/links/${id}/qr.${ext}`)}`)
      t.notMatch(res.headers['content-type'], /image/, `${who}, ${ext}: no image`)
    }
    const missing = await ownerGet(o, `/links/99999/qr.${ext}`)
    t.equal(missing.statusCode, 404, `${ext}: an unknown link is a 404 page`)
    t.match(missing.headers['content-type'], /text\/html/)
    t.equal((await ownerGet(o, `/links/abc/qr.${ext}`)).statusCode, 404, `${ext}: a malformed id too`)
  }
  const signedOut = await o.app.inject({
    method: 'POST',
    url: '/logout',
    headers: { cookie: o.session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(o.session.csrf)}`
  })
  t.equal(signedOut.statusCode, 303)
  const stale = await o.app.inject({ url: `/links/${id}/qr.png`, headers: { cookie: o.session.cookie } })
  t.equal(stale.statusCode, 302, 'after sign-out a saved copy of the owner cookie is refused too')
})
