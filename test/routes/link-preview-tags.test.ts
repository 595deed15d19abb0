import t from 'tap'
import sharp from 'sharp'
import { buildTestApp, cookiesFrom } from '../helper.ts'
import { albumOfKind, expectedUids, freshClient, setFlag, share, unknownLinkBody, visit } from './visitor-helpers.ts'
import { protectedLink, unlock } from './password-helpers.ts'
import { previewTags } from './preview-helpers.ts'

const PUBLIC = 'https://photos.example.org'
const monthName = (yearMonth: string): string =>
  new Date(`${yearMonth}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

t.test('a cookie-less request to a live link gets the album’s title, counts, dates, image and URL', async t => {
  const { app, db } = await buildTestApp(t, { env: { ALBUMLINK_PUBLIC_URL: PUBLIC } })
  const album = await albumOfKind(db, 'month')
  const uids = await expectedUids(db, album)
  const videos = (
    await db.selectFrom('photos').select('uid').where('uid', 'in', uids).where('media', '=', 'video').execute()
  ).length
  const photos = uids.length - videos
  const counts = [`${photos} photos`, ...(videos > 0 ? [`${videos} ${videos === 1 ? 'video' : 'videos'}`] : [])].join(
    ' · '
  )
  const link = await share(db, album, 'preview-tags-01')

  for (const ref of [album.uid, album.slug]) {
    const res = await visit(app, `/s/${link.token}/${ref}`)
    t.equal(res.statusCode, 200, `${ref}: the page itself, without any cookie`)
    const tags = previewTags(res.body)
    const url = `${PUBLIC}/s/${link.token}/${ref}`
    t.equal(tags['og:title'], album.title, 'og:title is the album title')
    t.equal(
      tags['og:description'],
      `${counts} · ${monthName(album.filter)}`,
      'og:description: counts as the app words them, then the months'
    )
    t.equal(tags['og:url'], url, 'og:url is absolute, on the public URL')
    t.equal(tags['og:image'], `${url}/preview`, 'og:image is absolute, under the same link')
    t.equal(tags['og:image:width'], '1200')
    t.equal(tags['og:image:height'], '630')
    t.equal(tags['og:image:type'], 'image/jpeg')
    t.equal(tags['twitter:card'], 'summary_large_image')
    t.match(res.body, '<meta name="robots" content="noindex">', 'noindex stays')
    t.match(res.headers['x-robots-tag'], /noindex/)

    const image = await visit(app, new URL(tags['og:image']).pathname)
    t.equal(image.statusCode, 200, 'the image is served without a session')
    t.equal(image.headers['content-type'], 'image/jpeg')
    t.same(
      await sharp(image.rawPayload)
        .metadata()
        .then(m => [m.format, m.width, m.height]),
      ['jpeg', 1200, 630]
    )
  }
})

t.test('without a public URL the tags use the request’s origin, never another request’s', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder')
  const link = await share(db, album, 'preview-origin-01')
  for (const host of ['photos.lan:2342', 'other.example:8080']) {
    const tags = previewTags((await visit(app, `/s/${link.token}/${album.uid}`, '', undefined, { host })).body)
    t.equal(tags['og:url'], `http://${host}/s/${link.token}/${album.uid}`, `${host}: og:url`)
    t.equal(
      tags['og:image'],
      `http://${host}/s/${link.token}/${album.uid}/preview`,
      `${host}: og:image (the cached page is kept per origin)`
    )
  }
})

t.test('a token that shares several albums previews the open ones', async t => {
  const { app, db } = await buildTestApp(t, { env: { ALBUMLINK_PUBLIC_URL: PUBLIC } })
  const month = await albumOfKind(db, 'month')
  const folder = await albumOfKind(db, 'folder')
  const token = 'preview-list-01'
  await share(db, month, token)
  const second = await share(db, folder, token)
  let tags = previewTags((await visit(app, `/s/${token}`)).body)
  t.equal(tags['og:title'], '2 shared albums')
  t.equal(tags['og:description'], [month.title, folder.title].sort().join(' · '))
  t.equal(tags['og:url'], `${PUBLIC}/s/${token}`)
  t.match(tags['og:image'], new RegExp(`^${PUBLIC}/s/${token}/a[a-z0-9]+/preview$`))
  t.equal(
    (await visit(app, new URL(tags['og:image']).pathname)).headers['content-type'],
    'image/jpeg',
    'its image is served'
  )

  await db
    .updateTable('links')
    .set({ password_hash: 'scrypt$16384$8$1$c2FsdA==$a2V5' })
    .where('id', '=', second.id)
    .execute()
  tags = previewTags((await visit(app, `/s/${token}`)).body)
  t.equal(tags['og:description'], month.title, 'a protected album lends neither its title nor its photos')
  t.equal(tags['og:image'], `${PUBLIC}/s/${token}/${month.uid}/preview`)

  for (const uid of await expectedUids(db, month)) await setFlag(db, uid, 'private')
  tags = previewTags((await visit(app, `/s/${token}`)).body)
  t.same(
    tags,
    {
      'og:type': 'website',
      'og:site_name': 'albumlink',
      'og:title': 'Shared albums',
      'og:url': `${PUBLIC}/s/${token}`,
      'twitter:card': 'summary'
    },
    'nothing open: a text-only preview'
  )
})

t.test('a password link gets a text-only preview, locked or unlocked, and no preview image', async t => {
  const ctx = await protectedLink(t)
  const invalid = await unknownLinkBody(ctx.app)
  const textOnly = {
    'og:type': 'website',
    'og:site_name': 'albumlink',
    'og:title': 'Shared album',
    'og:url': `http://localhost:80${ctx.base}`,
    'twitter:card': 'summary'
  }
  const page = await visit(ctx.app, ctx.base)
  t.equal(page.statusCode, 401, 'the password form')
  t.same(previewTags(page.body), textOnly, 'no title, description or image of the album')

  const cookie = cookiesFrom(page)
  const unlocked = cookiesFrom(await unlock(ctx, cookie, 'open sesame'), cookie)
  const album = await visit(ctx.app, ctx.base, unlocked)
  t.equal(album.statusCode, 200, 'unlocked: the album itself')
  t.same(previewTags(album.body), textOnly, 'still nothing of it in the preview tags')

  for (const [what, c] of [
    ['without a session', ''],
    ['unlocked', unlocked]
  ] as const) {
    const image = await visit(ctx.app, `${ctx.base}/preview`, c, freshClient())
    t.equal(image.statusCode, 404, `preview image ${what}: 404`)
    t.equal(image.body, invalid, `preview image ${what}: the unknown-link page`)
  }
})

t.test('an album with no visible photo gets a text-only preview and no preview image', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder')
  const link = await share(db, album, 'preview-empty-01')
  for (const uid of await expectedUids(db, album)) await setFlag(db, uid, 'private')
  const base = `/s/${link.token}/${album.uid}`
  const page = await visit(app, base)
  t.equal(page.statusCode, 200)
  t.same(previewTags(page.body), {
    'og:type': 'website',
    'og:site_name': 'albumlink',
    'og:title': 'Shared album',
    'og:url': `http://localhost:80${base}`,
    'twitter:card': 'summary'
  })
  const image = await visit(app, `${base}/preview`, '', freshClient())
  t.equal(image.statusCode, 404)
  t.equal(image.body, await unknownLinkBody(app))
})

t.test('titles are escaped into the tags', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder')
  const title = 'Tom & "Jerry" <b>\'s</b>'
  await db.updateTable('albums').set({ title }).where('id', '=', album.id).execute()
  const link = await share(db, album, 'preview-escape-01')
  const page = await visit(app, `/s/${link.token}/${album.uid}`)
  t.match(page.body, '<meta property="og:title" content="Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;">')
  t.equal(previewTags(page.body)['og:title'], title)
  t.notMatch(page.body, "<b>'s</b>")
})
