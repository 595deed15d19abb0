import t from 'tap'
import { join } from 'node:path'
import sharp from 'sharp'
import type { AlbumKind, Photo } from '../../src/db/schema.ts'
import { thumbPath, type ThumbSize } from '../../src/library/indexer/thumbnails.ts'
import { albumPhotosQuery } from '../../src/library/albums/membership.ts'
import { EXIF_SAMPLES as SAMPLES } from '../helper.ts'
import { indexedLibrary } from './indexed-library.ts'

const lib = indexedLibrary(t, async () => SAMPLES)
const photo = lib.photo
const thumb = (p: Photo, size: ThumbSize): string => thumbPath(join(lib.dir, 'thumbs'), p.hash ?? '', size)
/** The query for the album of `kind` with `filter`. */
const albumQuery = (kind: AlbumKind, filter: string) =>
  lib.db.selectFrom('albums').selectAll().where('kind', '=', kind).where('filter', '=', filter)

t.test('every image file is recorded, readable or not', async t => {
  t.equal(lib.stats.files, 25, 'READMEs are not images')
  t.equal(lib.stats.processed + lib.stats.failed, lib.stats.files)
  t.equal(lib.byPath.size, lib.stats.files)
  t.equal(lib.stats.processed, 24, 'odd EXIF and a TIFF are read')
})

t.test('dates, places and camera of the GPS files', async t => {
  const p = photo('jpg/gps/DSCN0010.jpg')
  t.equal(p.taken_at, '2008-10-22T16:28:39')
  t.equal(p.taken_estimated, 0)
  t.ok(Math.abs((p.lat ?? 0) - 43.4674) < 0.0001, `lat ${p.lat}`)
  t.ok(Math.abs((p.lng ?? 0) - 11.8851) < 0.0001, `lng ${p.lng}`)
  t.match(p, {
    country_code: 'IT',
    country: 'Italy',
    state: 'Toscana',
    camera: 'NIKON COOLPIX P6000',
    width: 640,
    height: 480,
    folder: 'jpg/gps'
  })
  const gps = [...lib.byPath.values()].filter(p => p.folder === 'jpg/gps')
  t.equal(gps.length, 9)
  for (const p of gps) {
    t.match(p.taken_at, /^2008-10-22T1[67]:/, p.path)
    t.equal(p.state, 'Toscana', p.path)
  }
  const moment = await albumQuery('moment', 'IT/2008-10-22').executeTakeFirstOrThrow()
  t.equal(moment.title, 'Toscana, October 2008')
  const members = await lib.db.selectFrom('album_photos').select('photo_id').where('album_id', '=', moment.id).execute()
  t.same(
    members.map(m => m.photo_id).sort(),
    gps.map(p => p.id).sort(),
    'the nine photos of that afternoon are one moment'
  )
  t.ok(await albumQuery('state', 'IT/Toscana').executeTakeFirst())
})

t.test('date fallbacks: IFD0 date, then the file time marked as estimated', async t => {
  t.match(photo('jpg/tests/67-0_length_string.jpg'), { taken_at: '2016-09-12T10:05:31', taken_estimated: 0 })
  const undated = photo('jpg/orientation/landscape_1.jpg')
  t.equal(undated.taken_estimated, 1)
  t.match(undated.taken_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
})

t.test('camera names join make and model without repeating the make', async t => {
  t.equal(photo('jpg/Canon_40D.jpg').camera, 'Canon EOS 40D')
  t.equal(photo('jpg/Fujifilm_FinePix_E500.jpg').camera, 'FUJIFILM FinePix E500')
})

async function grey(file: string): Promise<Buffer> {
  return await sharp(file).resize(32, 32, { fit: 'fill' }).greyscale().raw().toBuffer()
}
const difference = (a: Buffer, b: Buffer): number => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length

t.test('every orientation comes out upright', async t => {
  // landscape_1..8 carry EXIF orientations 1–8; in 5–8 the stored pixels are portrait.
  const reference = await grey(thumb(photo('jpg/orientation/landscape_1.jpg'), 'view'))
  for (let n = 1; n <= 8; n++) {
    const p = photo(`jpg/orientation/landscape_${n}.jpg`)
    const name = `landscape_${n}`
    for (const size of ['view', 'tile'] as const) {
      const { width = 0, height = 0 } = await sharp(thumb(p, size)).metadata()
      t.ok(width > height, `${name} ${size} thumbnail is ${width}×${height}`)
    }
    t.ok(p.width! > p.height!, `${name} stored size is upright`)
    // Same picture as orientation 1, not a mirror of it (a mirror differs by ~30–40).
    t.ok(difference(reference, await grey(thumb(p, 'view'))) < 5, `${name} looks like landscape_1`)
  }
})

t.test('a corrupted file is recorded with its error and kept out of every album', async t => {
  const broken = photo('jpg/corrupted.jpg')
  t.match(broken.error, /^not a readable JPEG image: /)
  t.equal(
    await lib.db.selectFrom('album_photos').select('album_id').where('photo_id', '=', broken.id).executeTakeFirst(),
    undefined
  )
  for (const album of await lib.db.selectFrom('albums').selectAll().execute()) {
    const ids = await albumPhotosQuery(lib.db, album, 'owner').select('photos.id').execute()
    t.notOk(
      ids.some(r => r.id === broken.id),
      `not in ${album.kind} ${album.filter}`
    )
  }
  const failures = [...lib.byPath.values()].filter(p => p.error !== null).map(p => p.path)
  t.same(failures, ['jpg/corrupted.jpg'], 'the only failure')
  t.equal(photo('jpg/long_description.jpg').error, null, 'files after it were indexed')
  t.ok(await albumQuery('folder', 'jpg').executeTakeFirst())
})

t.test('a second run does no image work', async t => {
  const second = await lib.index()
  t.match(second, {
    files: lib.stats.files,
    processed: 0,
    unchanged: lib.stats.processed,
    failed: lib.stats.failed,
    missing: 0
  })
  const after = await lib.db.selectFrom('photos').select(['path', 'uid', 'indexed_at']).execute()
  t.ok(
    after.every(p => photo(p.path).uid === p.uid && photo(p.path).indexed_at === p.indexed_at),
    'no row rewritten'
  )
})
