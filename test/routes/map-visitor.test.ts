import { join } from 'node:path'
import t from 'tap'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/db/schema.ts'
import { buildTestApp, cookiesFrom, EXIF_SAMPLES } from '../helper.ts'

const GPS = join(EXIF_SAMPLES, 'jpg', 'gps')

async function uidOf(db: Kysely<DB>, path: string): Promise<string> {
  return (await db.selectFrom('photos').select('uid').where('path', '=', path).executeTakeFirstOrThrow()).uid
}

async function addLink(db: Kysely<DB>, albumId: number, token: string, expiresAt: string | null = null): Promise<void> {
  const now = new Date().toISOString()
  await db
    .insertInto('links')
    .values({ token, album_id: albumId, expires_at: expiresAt, created_at: now, updated_at: now, created_by: 'test' })
    .execute()
}

t.test('visitor map of a shared album', async t => {
  const { app, db, clock } = await buildTestApp(t, { library: { originals: GPS } })
  const album = await db.selectFrom('albums').selectAll().where('kind', '=', 'month').executeTakeFirstOrThrow()
  const [first, hidden, unlocated, archived] = await Promise.all(
    ['DSCN0010.jpg', 'DSCN0012.jpg', 'DSCN0021.jpg', 'DSCN0025.jpg'].map(async p => await uidOf(db, p))
  )
  await db.updateTable('photos').set({ private: 1 }).where('uid', '=', hidden).execute()
  await db
    .updateTable('photos')
    .set({ lat: null, lng: null, state: null, country: null })
    .where('uid', '=', unlocated)
    .execute()
  await db.updateTable('photos').set({ archived: 1 }).where('uid', '=', archived).execute()
  await addLink(db, album.id, 'map-test-link')
  const base = `/s/map-test-link/${album.slug}`
  const cookie = cookiesFrom(await app.inject({ url: base }))
  const get = async (url: string, headers: Record<string, string> = { cookie }) => await app.inject({ url, headers })

  t.test('GeoJSON has the visible, located photos only', async t => {
    const res = await get(`${base}/map.geojson`)
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^application\/geo\+json/)
    t.match(res.headers['cache-control'], /^private/)
    t.equal(res.headers['referrer-policy'], 'no-referrer')
    const data = res.json()
    t.equal(data.type, 'FeatureCollection')
    const uids = data.features.map((f: { properties: { uid: string } }) => f.properties.uid)
    t.equal(uids.length, 6, 'nine photos less the private, unlocated and archived ones')
    for (const gone of [hidden, unlocated, archived]) t.notOk(uids.includes(gone), `${gone} is not on the map`)
    const dscn0010 = data.features.find((f: { properties: { uid: string } }) => f.properties.uid === first)
    t.equal(dscn0010.geometry.type, 'Point')
    t.ok(
      Math.abs(dscn0010.geometry.coordinates[0] - 11.8851) < 0.001 &&
        Math.abs(dscn0010.geometry.coordinates[1] - 43.4674) < 0.001,
      'lng, lat of DSCN0010'
    )
    t.match(dscn0010.properties, {
      title: 'DSCN0010',
      taken: '2008-10-22T16:28:39',
      date: '22 October 2008',
      place: 'Toscana, Italy',
      thumb: `${base}/${first}/thumb/tile`,
      href: `${base}/${first}`
    })
    t.equal((await get(dscn0010.properties.thumb)).statusCode, 200, 'the thumbnail URL works under the same token')
    t.notMatch(res.body, /"path"|originals/, 'no file paths leave the server')
  })

  t.test('the map page: data URL, focus, no-JS list, app bar', async t => {
    const res = await get(`${base}/map?photo=${first}`)
    t.equal(res.statusCode, 200, '`map` wins over the :photo parameter')
    t.equal(res.headers['referrer-policy'], 'no-referrer')
    t.match(res.headers['cache-control'], /^private/)
    t.match(res.body, `data-src="${base}/map.geojson"`)
    t.match(res.body, `data-focus="${first}"`)
    t.match(res.body, 'data-style="/static/map/style.json"')
    t.match(res.body, '<script type="module" src="/static/js/map.js">')
    t.match(res.body, 'href="/vendor/maplibre/maplibre-gl.css"')
    t.match(
      res.body,
      new RegExp(`<a href="${base}/[a-z0-9]+">.*<span>Toscana, Italy</span></a> <span class="count">6 photos</span>`)
    )
    t.match(res.body, `href="${base}" title="Back to the album"`)
    t.match(res.body, 'action="/s/logout"', 'power icon')
    t.notMatch(res.body, hidden)
  })

  t.test('the list follows the photos; an unknown ?photo is ignored', async t => {
    await db.updateTable('photos').set({ lat: null, lng: null }).where('uid', '=', first).execute()
    const res = await get(`${base}/map?photo=${'x'.repeat(150)}`)
    t.equal(res.statusCode, 200)
    t.match(res.body, '5 photos', 'the list counts what is left')
    await db.updateTable('photos').set({ lat: 43.467448, lng: 11.885127 }).where('uid', '=', first).execute()
  })

  t.test('refused exactly like an unknown link', async t => {
    const unknown = (await app.inject({ url: '/s/no-such-link-at-all', remoteAddress: '10.7.0.1' })).body
    await addLink(db, album.id, 'map-soon-expired', new Date(clock.now.getTime() + 60_000).toISOString())
    const soon = cookiesFrom(await app.inject({ url: `/s/map-soon-expired/${album.slug}` }))
    clock.now = new Date(clock.now.getTime() + 120_000)
    const other = await db.selectFrom('albums').selectAll().where('kind', '=', 'state').executeTakeFirstOrThrow()
    const cases: Array<[string, string, string, string[]]> = [
      ['unknown token', '/s/not-a-real-link/' + album.slug, cookie, ['/map', '/map.geojson']],
      ['expired link', `/s/map-soon-expired/${album.slug}`, soon, ['/map', '/map.geojson']],
      // The map page opens a link like the album page does (a deep link); its data needs that session.
      ['link not opened in this browser', base, '', ['/map.geojson']],
      ['album the token does not share', `/s/map-test-link/${other.slug}`, cookie, ['/map', '/map.geojson']]
    ]
    let n = 0
    for (const [what, url, c, paths] of cases) {
      for (const path of paths) {
        const res = await app.inject({ url: url + path, headers: { cookie: c }, remoteAddress: `10.7.1.${++n}` })
        t.equal(res.statusCode, 404, `${what}: ${path}`)
        t.equal(res.body, unknown, `${what}: ${path} has the invalid-link body`)
        t.notMatch(res.headers['content-type'], /json/)
      }
    }
    await db.deleteFrom('links').where('token', '=', 'map-test-link').execute()
    t.equal((await get(`${base}/map.geojson`)).statusCode, 404, 'deleted link')
  })
})
