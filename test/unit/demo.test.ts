import t from 'tap'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { connectDb } from '../../src/db/connect.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { DB, Photo, Album } from '../../src/db/schema.ts'
import { generateDemoLibrary } from '../../src/library/demo/generate.ts'
import { runIndex, type IndexStats } from '../../src/library/indexer/index.ts'
import { ensureDemoAlbums } from '../../src/library/demo/demo-albums.ts'

let db: Kysely<DB>
let dir: string
let written: number
let stats: IndexStats
let photos: Photo[]
let albums: Album[]

t.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'albumlink-demo-test-'))
  written = await generateDemoLibrary(join(dir, 'originals'))
  db = connectDb(join(dir, 'albumlink.db'))
  await migrateToLatest(db)
  stats = await runIndex(db, { originals: join(dir, 'originals'), thumbsDir: join(dir, 'thumbs') })
  photos = await db.selectFrom('photos').selectAll().execute()
  albums = await db.selectFrom('albums').selectAll().execute()
})
t.teardown(async () => {
  await db.destroy()
  await rm(dir, { recursive: true, force: true })
})

const distinct = <T>(values: T[]): T[] => [...new Set(values)]
const ofKind = (kind: Album['kind']): Album[] => albums.filter(a => a.kind === kind)

t.test('about sixty readable photos and three videos with camera dates', async t => {
  t.equal(written, 63)
  t.match(stats, { files: 63, processed: 63, failed: 0 })
  const videos = photos.filter(p => p.media === 'video')
  t.same(videos.map(v => v.video_codec).sort(), ['h264', 'h264', 'hevc'])
  t.ok(
    videos.every(v => v.country_code && v.taken_at_utc && v.duration && v.duration >= 3),
    'dated and placed'
  )
  t.ok(photos.every(p => p.error === null && p.taken_estimated === 0 && p.camera === 'Albumlink Demo Camera'))
  t.ok(
    photos.every(p => p.taken_at_utc !== null),
    'offsets give UTC times'
  )
  t.ok(photos.some(p => p.height! > p.width!) && photos.some(p => p.width! > p.height!), 'portraits and landscapes')
})

t.test('dates and places spread wide enough for every page', async t => {
  const months = distinct(photos.map(p => p.taken_at!.slice(0, 7)))
  t.ok(months.length >= 6, `${months.length} months`)
  t.ok(distinct(months.map(m => m.slice(0, 4))).length >= 2, 'two years or more')
  const countries = distinct(photos.map(p => p.country).filter(Boolean))
  t.ok(countries.length >= 4, countries.join(', '))
  const states = distinct(photos.map(p => p.state).filter(Boolean))
  t.ok(states.length >= 6, states.join(', '))
  t.ok(
    photos.some(p => p.lat === null),
    'some photos have no place'
  )
  const unplaced = photos.filter(p => p.lat !== null && (p.country_code === null || p.state === null)).map(p => p.path)
  t.same(unplaced, [], 'every located photo lands in a state, none in the water')
})

t.test('months, states and folders are derived', async t => {
  t.same(
    ofKind('month')
      .map(a => a.filter)
      .sort(),
    distinct(photos.map(p => p.taken_at!.slice(0, 7))).sort()
  )
  t.match(
    albums.find(a => a.kind === 'month' && a.filter === '2024-06'),
    { title: 'June 2024', slug: 'june-2024' }
  )
  t.match(
    albums.find(a => a.kind === 'state' && a.filter === 'IT/Toscana'),
    { title: 'Toscana', description: 'Italy' }
  )
  t.equal(ofKind('state').length, distinct(photos.map(p => p.state).filter(Boolean)).length)
  const folders = (await readdir(join(dir, 'originals'), { recursive: true, withFileTypes: true }))
    .filter(e => e.name.endsWith('.jpg'))
    .map(e => e.parentPath.slice(join(dir, 'originals').length + 1))
  t.same(
    ofKind('folder')
      .map(a => a.filter)
      .sort(),
    distinct(folders).sort()
  )
  t.match(
    albums.find(a => a.kind === 'folder' && a.filter === '2024/tuscany'),
    { title: 'tuscany' }
  )
})

t.test('each trip is a moment of at least three photos', async t => {
  const moments = ofKind('moment')
  t.ok(moments.length >= 3, `${moments.length} moments`)
  for (const m of moments) {
    const members = await db.selectFrom('album_photos').select('photo_id').where('album_id', '=', m.id).execute()
    t.ok(members.length >= 3, `${m.title}: ${members.length} photos`)
    t.match(
      m.title,
      /^.+, (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/
    )
  }
  t.ok(moments.some(m => m.title === 'Toscana, June 2024' && m.filter === 'IT/2024-06-10'))
  const tripFolders = distinct(photos.filter(p => p.lat !== null).map(p => p.folder))
  t.equal(moments.length, tripFolders.length, 'one per trip, none for the undated-place photos at home')
})

t.test('no manual albums until the server makes them once', async t => {
  t.same(ofKind('album'), [])
  t.equal(await ensureDemoAlbums(db, join(dir, 'originals')), 3)
  const made = await db
    .selectFrom('albums')
    .select(['id', 'title'])
    .where('kind', '=', 'album')
    .orderBy('title')
    .execute()
  t.same(
    made.map(a => a.title),
    ['At home', 'Best of the year', 'Italy 2024']
  )
  for (const album of made) {
    const members = await db.selectFrom('album_photos').select('photo_id').where('album_id', '=', album.id).execute()
    t.ok(members.length >= 3, `${album.title}: ${members.length}`)
  }
  t.equal(await ensureDemoAlbums(db, join(dir, 'originals')), 0, 'only once')
})

t.test('regenerating writes the very same photos', async t => {
  t.equal(await generateDemoLibrary(join(dir, 'originals')), 63)
  t.match(await runIndex(db, { originals: join(dir, 'originals'), thumbsDir: join(dir, 'thumbs') }), {
    processed: 0,
    unchanged: 63
  })
})

t.test('a folder that is not a demo library is never replaced', async t => {
  const photos = join(dir, 'my-photos')
  await mkdir(photos)
  await writeFile(join(photos, 'wedding.jpg'), 'precious')
  await t.rejects(generateDemoLibrary(photos), {
    message: /is not a demo library written by albumlink; not replacing it/
  })
  t.equal(await readFile(join(photos, 'wedding.jpg'), 'utf8'), 'precious')
})
