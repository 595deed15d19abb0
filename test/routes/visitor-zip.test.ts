import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildTestApp, signIn } from '../helper.ts'
import { albumOfKind, expectedUids, manualAlbum, openLink, readZip, setFlag, share, visit } from './visitor-helpers.ts'

const stamp = (takenAt: string): string => takenAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

t.test('the album zip holds exactly the visible originals, byte for byte, with readable names', async t => {
  const { app, db, config } = await buildTestApp(t)
  const folder = await albumOfKind(db, 'folder', 7)
  const uids = await expectedUids(db, folder)
  const album = await manualAlbum(app, db, await signIn(app), 'Été à "Paris"', uids)
  // uids are random: pick the twins among the JPEGs so that their names collide (the folder also holds a video).
  const jpegs = await db
    .selectFrom('photos')
    .select('uid')
    .where('uid', 'in', uids)
    .where('path', 'like', '%.jpg')
    .orderBy('uid')
    .execute()
  const [twinA, twinB] = jpegs.map(p => p.uid)
  const [named, hidden, archived] = uids.filter(uid => uid !== twinA && uid !== twinB)
  await db
    .updateTable('photos')
    .set({ title: 'Louvre', taken_at: '2024-09-05T16:00:00' })
    .where('uid', 'in', [twinA, twinB])
    .execute()
  await db.updateTable('photos').set({ title: 'Sunset: "Seine"/night' }).where('uid', '=', named).execute()
  await setFlag(db, hidden, 'private')
  await setFlag(db, archived, 'archived')

  const link = await share(db, album, 'zip-0001')
  const cookie = await openLink(app, link.token)
  const res = await visit(app, `/s/${link.token}/${album.uid}/download`, cookie)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/zip')
  const disposition = String(res.headers['content-disposition'])
  t.match(disposition, /^attachment; /)
  t.match(
    disposition,
    `filename*=UTF-8''${encodeURIComponent('Été à _Paris_.zip')}`,
    'the album title, exactly, per RFC 5987'
  )
  t.match(disposition, /filename="[\x20-\x7e]+"/, 'and a plain ASCII fallback')

  const entries = await readZip(res.rawPayload)
  // The zip's order (date, then id) decides which twin gets " (2)".
  const photos = await db
    .selectFrom('photos')
    .selectAll()
    .where('uid', 'in', uids)
    .where('private', '=', 0)
    .where('archived', '=', 0)
    .orderBy('taken_at')
    .orderBy('id')
    .execute()
  t.equal(entries.size, photos.length, 'one entry per visible photo, no more')
  const byName = new Map<string, (typeof photos)[number]>()
  for (const photo of photos) {
    const file = photo.path.split('/').pop() as string
    const stem = photo.title ? photo.title.replace(/[/:"]+/g, '_') : file.replace(/\.[^.]+$/, '')
    const base = `${stamp(photo.taken_at as string)}-${stem}`
    const ext = file.slice(file.lastIndexOf('.')).toLowerCase()
    const taken = (n: string): boolean => [...byName.keys()].some(k => k.toLowerCase() === n.toLowerCase())
    let name = `${base}${ext}`
    for (let n = 2; taken(name); n++) name = `${base} (${n})${ext}`
    byName.set(name, photo)
  }
  t.same(
    [...entries.keys()].sort(),
    [...byName.keys()].sort(),
    'YYYYMMDD-HHMMSS-<title or file name>.<ext>, collisions renamed'
  )
  t.ok(entries.has('20240905-160000-Louvre.jpg') && entries.has('20240905-160000-Louvre (2).jpg'))
  for (const [name, photo] of byName) {
    const original = await readFile(join(config.originals, photo.path))
    t.ok(entries.get(name)?.equals(original), `${name} is the original`)
  }
  const paths = await db.selectFrom('photos').select('path').where('uid', 'in', [hidden, archived]).execute()
  for (const { path } of paths) {
    const original = await readFile(join(config.originals, path))
    t.notOk(
      [...entries.values()].some(b => b.equals(original)),
      `${path} (private or archived) is absent`
    )
  }
})

t.test('a derived album zips what belongs to it now', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'month')
  const link = await share(db, album, 'zip-0002')
  const cookie = await openLink(app, link.token)
  const before = await readZip((await visit(app, `/s/${link.token}/${album.uid}/download`, cookie)).rawPayload)
  t.equal(before.size, (await expectedUids(db, album)).length)
  const [first] = await expectedUids(db, album)
  await setFlag(db, first, 'private')
  const after = await readZip((await visit(app, `/s/${link.token}/${album.uid}/download`, cookie)).rawPayload)
  t.equal(after.size, before.size - 1, 'a photo made private leaves the zip at once')
})

t.test('an album with nothing visible downloads as a valid empty zip', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  for (const uid of await expectedUids(db, album)) await setFlag(db, uid, 'private')
  const link = await share(db, album, 'zip-0003')
  const cookie = await openLink(app, link.token)
  const res = await visit(app, `/s/${link.token}/${album.uid}/download`, cookie)
  t.equal(res.statusCode, 200)
  t.equal((await readZip(res.rawPayload)).size, 0)
  t.notMatch(
    (await visit(app, `/s/${link.token}/${album.uid}`, cookie)).body,
    '/download"',
    'and the page offers no download'
  )
})
