// The list pages summarise a whole kind in grouped queries (photosByAlbumOfKind);
// an album page summarises one album (albumPhotosQuery). Both must agree on
// every album of the demo library, for the owner and for a visitor.
import t from 'tap'
import type { AlbumKind } from '../../src/db/schema.ts'
import { listAlbums } from '../../src/library/albums/albums.ts'
import { setPrivate } from '../../src/library/photos.ts'
import { summarizeAlbum, summarizeAll, summarizeKind } from '../../src/library/albums/summaries.ts'
import { buildTestApp } from '../helper.ts'

const KINDS: AlbumKind[] = ['album', 'moment', 'month', 'state', 'folder']

t.test('grouped summaries equal one-by-one summaries for every album', async t => {
  const { db } = await buildTestApp(t)
  // Private and archived photos, including the first photo of some albums (their default cover).
  const photos = await db.selectFrom('photos').select(['id', 'uid']).orderBy('taken_at').execute()
  for (const p of photos.filter((_, i) => i % 7 === 0)) await setPrivate(db, p.uid, true)
  await db
    .updateTable('photos')
    .set({ archived: 1 })
    .where(
      'id',
      'in',
      photos.filter((_, i) => i % 11 === 3).map(p => p.id)
    )
    .execute()

  let compared = 0
  for (const kind of KINDS) {
    const albums = await listAlbums(db, kind)
    for (const audience of ['owner', 'visitor'] as const) {
      const grouped = await summarizeKind(db, kind, audience)
      for (const album of albums) {
        const one = await summarizeAlbum(db, album, audience)
        const many = grouped.get(album.id) ?? {
          count: 0,
          videoCount: 0,
          privateCount: 0,
          first: null,
          last: null,
          cover: null
        }
        if (album.cover_photo_id === null) t.same(many, one, `${kind} ${album.title} (${audience})`)
        else t.same({ ...many, cover: one.cover }, one, `${kind} ${album.title} (${audience}), chosen cover aside`)
        compared++
      }
    }
  }
  t.ok(compared > 40, `compared ${compared} album summaries`)
})

t.test('a long list keeps a chosen cover, and a visitor never gets a private one', async t => {
  const { db } = await buildTestApp(t)
  const folders = await listAlbums(db, 'folder')
  const months = await listAlbums(db, 'month')
  const albums = [...folders, ...months]
  t.ok(albums.length > 8, `${albums.length} albums take the grouped path`)
  const monthOf = async (filter: string) =>
    await db
      .selectFrom('photos')
      .select(['id', 'uid'])
      .where('taken_at', 'like', `${filter}%`)
      .where('private', '=', 0)
      .orderBy('taken_at', 'desc')
      .execute()
  const sizes = await Promise.all(months.map(async m => (await monthOf(m.filter)).length))
  const target = months[sizes.indexOf(Math.max(...sizes))]
  const members = await monthOf(target.filter)
  t.ok(members.length > 1, 'the month has photos besides the chosen cover')
  const chosen = members[0]
  await db.updateTable('albums').set({ cover_photo_id: chosen.id }).where('id', '=', target.id).execute()
  const withCover = { ...target, cover_photo_id: chosen.id }
  const list = [...folders, ...months.map(m => (m.id === target.id ? withCover : m))]

  const owner = await summarizeAll(db, list, 'owner')
  t.equal(owner.find(a => a.id === target.id)?.summary.cover?.uid, chosen.uid, 'the chosen cover is used')

  await setPrivate(db, chosen.uid, true)
  const visitor = await summarizeAll(db, list, 'visitor')
  const cover = visitor.find(a => a.id === target.id)?.summary.cover
  t.ok(cover && cover.uid !== chosen.uid, 'a private chosen cover is replaced for a visitor')
  const privateUids = new Set(
    (await db.selectFrom('photos').select('uid').where('private', '=', 1).execute()).map(p => p.uid)
  )
  t.notOk(
    visitor.some(a => a.summary.cover && privateUids.has(a.summary.cover.uid)),
    'no visitor cover is private'
  )
})
