import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { connectDb } from '../../src/db/connect.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { DB } from '../../src/db/schema.ts'
import { syncDerivedAlbums } from '../../src/library/albums/derived.ts'
import { createLink } from '../../src/sharing/links.ts'

async function emptyLibrary(t: { teardown: (fn: () => unknown) => void }): Promise<Kysely<DB>> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-derived-'))
  const db = connectDb(join(dir, 'albumlink.db'))
  await migrateToLatest(db)
  t.teardown(async () => {
    await db.destroy()
    await rm(dir, { recursive: true, force: true })
  })
  return db
}

let next = 1
async function addPhoto(db: Kysely<DB>, takenAt: string, countryCode = 'IT', state = 'Toscana'): Promise<number> {
  const n = next++
  const row = await db
    .insertInto('photos')
    .values({
      uid: `p${n}`,
      path: `trip/${n}.jpg`,
      hash: `h${n}`,
      mime: 'image/jpeg',
      bytes: 1,
      mtime_ms: 0,
      width: 4,
      height: 3,
      taken_at: takenAt,
      taken_at_utc: null,
      lat: 43.3,
      lng: 11.3,
      country_code: countryCode,
      country: 'Italy',
      state,
      folder: 'trip',
      title: null,
      description: null,
      camera: null,
      indexed_at: '2024-07-01T00:00:00Z',
      error: null
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const moments = async (db: Kysely<DB>) =>
  await db.selectFrom('albums').select(['id', 'uid', 'filter']).where('kind', '=', 'moment').orderBy('id').execute()

const members = async (db: Kysely<DB>, albumId: number): Promise<number[]> =>
  (
    await db.selectFrom('album_photos').select('photo_id').where('album_id', '=', albumId).orderBy('photo_id').execute()
  ).map(r => r.photo_id)

t.test('a shared moment that gains earlier photos keeps its album, uid and link', async t => {
  const db = await emptyLibrary(t)
  const first = [
    await addPhoto(db, '2024-06-10T09:00:00'),
    await addPhoto(db, '2024-06-10T12:00:00'),
    await addPhoto(db, '2024-06-11T10:00:00')
  ]
  await syncDerivedAlbums(db)
  const [moment] = await moments(db)
  t.equal(moment.filter, 'IT/2024-06-10')
  const link = await createLink(db, moment.id, 'owner', { token: 'tuscany-trip' })

  const earlier = await addPhoto(db, '2024-06-09T18:00:00')
  await syncDerivedAlbums(db)
  const after = await moments(db)
  t.same(
    after.map(m => ({ id: m.id, uid: m.uid })),
    [{ id: moment.id, uid: moment.uid }],
    'still one moment, the same album'
  )
  t.equal(after[0].filter, 'IT/2024-06-09', 'its key follows the new first day')
  t.same(
    await members(db, moment.id),
    [...first, earlier].sort((a, b) => a - b),
    'with the earlier photo in it'
  )
  const stored = await db.selectFrom('links').select('album_id').where('id', '=', link.id).executeTakeFirstOrThrow()
  t.equal(stored.album_id, moment.id, 'the link still shares it')
})

/** Two moments two days apart: three photos on 10 June, four on 12 June. */
async function twoMoments(t: Parameters<typeof emptyLibrary>[0]) {
  const db = await emptyLibrary(t)
  const small = [
    await addPhoto(db, '2024-06-10T09:00:00'),
    await addPhoto(db, '2024-06-10T10:00:00'),
    await addPhoto(db, '2024-06-10T11:00:00')
  ]
  const large = [
    await addPhoto(db, '2024-06-12T09:00:00'),
    await addPhoto(db, '2024-06-12T10:00:00'),
    await addPhoto(db, '2024-06-12T11:00:00'),
    await addPhoto(db, '2024-06-12T12:00:00')
  ]
  await syncDerivedAlbums(db)
  const [smallMoment, largeMoment] = await moments(db)
  return { db, small, large, smallMoment, largeMoment }
}

t.test('two moments joined by a photo between them keep the album whose key did not change', async t => {
  const { db, small, large, smallMoment, largeMoment } = await twoMoments(t)
  t.same([smallMoment.filter, largeMoment.filter], ['IT/2024-06-10', 'IT/2024-06-12'])

  // A photo on the day between bridges the gap: one run from 10 June, the same key as the small one.
  const bridge = await addPhoto(db, '2024-06-11T10:00:00')
  await syncDerivedAlbums(db)
  const after = await moments(db)
  t.same(
    after.map(m => m.id),
    [smallMoment.id],
    'the moment whose key is unchanged keeps its album; the other, unshared, goes'
  )
  t.same(
    await members(db, smallMoment.id),
    [...small, bridge, ...large].sort((a, b) => a - b)
  )
})

t.test('two moments joined under a new first day keep the album with the most photos in common', async t => {
  const { db, small, large, smallMoment, largeMoment } = await twoMoments(t)
  await createLink(db, smallMoment.id, 'owner', { token: 'small-moment' })
  await createLink(db, largeMoment.id, 'owner', { token: 'large-moment' })

  // An earlier photo moves the first day and a bridge joins the two: neither old key is wanted any more.
  const added = [await addPhoto(db, '2024-06-09T18:00:00'), await addPhoto(db, '2024-06-11T10:00:00')]
  await syncDerivedAlbums(db)
  const joined = (await moments(db)).find(m => m.filter === 'IT/2024-06-09')
  t.equal(
    joined?.id,
    largeMoment.id,
    'the run takes over the album it shares four photos with, not the one it shares three with'
  )
  t.same(
    await members(db, largeMoment.id),
    [...small, ...large, ...added].sort((a, b) => a - b)
  )
  t.equal((await members(db, smallMoment.id)).length, 0, 'the other shared moment is kept, empty, for its link')
})

t.test('an unrelated new moment gets a new album', async t => {
  const db = await emptyLibrary(t)
  for (const at of ['2024-06-10T09:00:00', '2024-06-10T10:00:00', '2024-06-10T11:00:00']) await addPhoto(db, at)
  await syncDerivedAlbums(db)
  const [before] = await moments(db)
  await createLink(db, before.id, 'owner', { token: 'june-trip-link' })
  for (const at of ['2024-08-01T09:00:00', '2024-08-01T10:00:00', '2024-08-01T11:00:00']) await addPhoto(db, at)
  await syncDerivedAlbums(db)
  t.same(
    (await moments(db)).map(m => m.filter),
    ['IT/2024-06-10', 'IT/2024-08-01']
  )
})
