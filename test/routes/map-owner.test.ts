import { join } from 'node:path'
import t from 'tap'
import { buildTestApp, ownerPost, EXIF_SAMPLES, signIn } from '../helper.ts'

const TILES = 'https://tiles.example.org/styles/basic/style.json'

t.test('owner map of any album, with a tile server configured', async t => {
  const { app, db } = await buildTestApp(t, {
    library: { originals: join(EXIF_SAMPLES, 'jpg', 'gps') },
    env: { ALBUMLINK_MAP_STYLE: TILES }
  })
  const album = await db.selectFrom('albums').selectAll().where('kind', '=', 'state').executeTakeFirstOrThrow()
  const hidden = await db
    .selectFrom('photos')
    .select('uid')
    .where('path', '=', 'DSCN0012.jpg')
    .executeTakeFirstOrThrow()
  await db.updateTable('photos').set({ private: 1 }).where('uid', '=', hidden.uid).execute()

  t.test('needs an owner session', async t => {
    for (const url of [`/albums/${album.uid}/map`, `/albums/${album.uid}/map.geojson`]) {
      const res = await app.inject({ url })
      t.equal(res.statusCode, 302, url)
      t.match(res.headers.location, /^\/login\?next=/)
      t.notMatch(res.body, /FeatureCollection/)
    }
  })

  const session = await signIn(app)
  const get = async (url: string) => await app.inject({ url, headers: { cookie: session.cookie } })

  t.test('the owner sees every located photo, private ones too, over owner media URLs', async t => {
    const res = await get(`/albums/${album.uid}/map.geojson`)
    t.equal(res.statusCode, 200)
    const features = res.json().features as Array<{ properties: { uid: string; thumb: string; href: string } }>
    t.equal(features.length, 9)
    const own = features.find(f => f.properties.uid === hidden.uid)
    t.match(own?.properties, {
      thumb: `/media/thumb/${hidden.uid}/tile`,
      href: `/photos/${hidden.uid}?album=${album.uid}`
    })
    t.equal((await get(own?.properties.thumb ?? '')).statusCode, 200)
  })

  t.test('page: the configured style, its origin in the CSP, and the list', async t => {
    const res = await get(`/albums/${album.uid}/map?photo=${hidden.uid}`)
    t.equal(res.statusCode, 200)
    t.match(res.body, `data-style="${TILES}"`)
    t.match(res.body, `data-src="/albums/${album.uid}/map.geojson"`)
    t.match(res.body, `href="/albums/${album.uid}" title="Back to the album"`)
    t.match(res.body, '<span>Toscana, Italy</span></a> <span class="count">9 photos</span>')
    t.notMatch(res.body, 'action="/s/logout"', 'no visitor power icon for the owner')
    const csp = String(res.headers['content-security-policy'])
    t.match(csp, /connect-src 'self' https:\/\/tiles\.example\.org(;|$)/)
    t.match(csp, /img-src [^;]*https:\/\/tiles\.example\.org/)
    t.match(csp, /worker-src 'self'(;|$)/, 'the map worker comes from our origin: no blob:')
  })

  t.test('an empty album says it has no places; unknown albums 404', async t => {
    const created = await ownerPost(app, session, '/albums', { title: 'Nothing yet', description: '' })
    const uid = String(created.headers.location).split('/').pop() as string
    const page = await get(`/albums/${uid}/map`)
    t.equal(page.statusCode, 200)
    t.match(page.body, 'None of the photos in this album has a place.')
    t.same((await get(`/albums/${uid}/map.geojson`)).json(), { type: 'FeatureCollection', features: [] })
    t.equal((await get('/albums/nosuchalbum/map')).statusCode, 404)
    t.equal((await get('/albums/nosuchalbum/map.geojson')).statusCode, 404)
  })
})

t.test('the offline basemap and the map client are served', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  const style = await app.inject({ url: '/static/map/style.json' })
  t.equal(style.statusCode, 200)
  const sources = Object.values(style.json().sources) as Array<{ data: string; attribution?: string }>
  t.ok(
    sources.some(s => /Natural Earth/.test(s.attribution ?? '')),
    'attribution'
  )
  for (const { data } of sources) {
    const res = await app.inject({ url: data })
    t.equal(res.statusCode, 200, data)
    t.ok(res.body.length < 1.6e6, `${data} stays small`)
    t.equal(JSON.parse(res.body).type, 'FeatureCollection')
  }
  t.notMatch(style.body, /https?:\/\/(?!www\.naturalearthdata\.com)/, 'nothing is fetched from the internet')
  for (const url of [
    '/static/js/map.js',
    '/static/css/map.css',
    '/vendor/maplibre/maplibre-gl.mjs',
    '/vendor/maplibre/maplibre-gl-worker.mjs?v=6.17.0',
    '/vendor/maplibre/maplibre-gl.css'
  ]) {
    t.equal((await app.inject({ url })).statusCode, 200, url)
  }
  const csp = String((await app.inject({ url: '/' })).headers['content-security-policy'])
  t.match(csp, /connect-src 'self'(;|$)/, 'no map origin without ALBUMLINK_MAP_STYLE')
  t.match(csp, /worker-src 'self'(;|$)/)
})
