import type { Kysely, Transaction } from 'kysely'
import type { AlbumKind, DB } from '../../db/schema.ts'
import { monthTitle } from '../../views/dates.ts'
import { newUid, nowIso, slugify } from '../../util/ids.ts'
import { findMoments } from './moments.ts'

interface Derived {
  kind: AlbumKind
  filter: string
  title: string
  description: string
  photoIds?: number[]
}

async function wantedAlbums(db: Kysely<DB> | Transaction<DB>): Promise<Derived[]> {
  const photos = await db
    .selectFrom('photos')
    .select(['id', 'taken_at', 'country_code', 'country', 'state', 'folder'])
    .where('missing', '=', 0)
    .where('error', 'is', null)
    .where('companion_of', 'is', null)
    .execute()
  const wanted = new Map<string, Derived>()
  const add = (d: Derived): void => {
    wanted.set(`${d.kind}:${d.filter}`, d)
  }
  for (const p of photos) {
    if (p.taken_at) {
      add({ kind: 'month', filter: p.taken_at.slice(0, 7), title: monthTitle(p.taken_at.slice(0, 7)), description: '' })
    }
    if (p.country_code && p.state) {
      add({ kind: 'state', filter: `${p.country_code}/${p.state}`, title: p.state, description: p.country ?? '' })
    }
    add({
      kind: 'folder',
      filter: p.folder,
      title: p.folder === '' ? 'Originals' : (p.folder.split('/').at(-1) ?? p.folder),
      description: p.folder
    })
  }
  const located = photos.filter(
    (p): p is typeof p & { taken_at: string; country_code: string } => !!p.taken_at && !!p.country_code
  )
  for (const m of findMoments(located)) {
    add({ kind: 'moment', filter: m.key, title: m.title, description: '', photoIds: m.photoIds })
  }
  return [...wanted.values()]
}

/**
 * Makes the month, state, folder and moment albums match the photos. Derived
 * albums that became empty are removed unless a link points at them (a folder
 * that is briefly missing must not take its links with it). Manual albums are
 * never touched.
 */
export async function syncDerivedAlbums(db: Kysely<DB>): Promise<{ created: number; removed: number }> {
  return await db.transaction().execute(async trx => {
    const wanted = await wantedAlbums(trx)
    const existing = await trx
      .selectFrom('albums')
      .select(['id', 'kind', 'filter', 'title'])
      .where('kind', '!=', 'album')
      .execute()
    const byKey = new Map<string, ExistingAlbum>(existing.map(a => [`${a.kind}:${a.filter}`, a]))
    const now = nowIso()
    await adoptMovedMoments(trx, wanted, byKey, now)
    let created = 0
    for (const d of wanted) {
      const key = `${d.kind}:${d.filter}`
      let id = byKey.get(key)?.id
      if (id === undefined) {
        const row = await trx
          .insertInto('albums')
          .values({
            uid: newUid('a'),
            kind: d.kind,
            slug: slugify(d.title),
            title: d.title,
            description: d.description,
            filter: d.filter,
            cover_photo_id: null,
            created_at: now,
            updated_at: now
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        id = row.id
        created++
      } else if (byKey.get(key)?.title !== d.title) {
        await trx
          .updateTable('albums')
          .set({ title: d.title, slug: slugify(d.title), updated_at: now })
          .where('id', '=', id)
          .execute()
      }
      byKey.delete(key)
      if (d.photoIds) await replaceMembers(trx, id, d.photoIds)
    }
    const stale = [...byKey.values()].map(a => a.id)
    let removed = 0
    if (stale.length > 0) {
      const result = await trx
        .deleteFrom('albums')
        .where('id', 'in', stale)
        .where(eb =>
          eb.not(eb.exists(eb.selectFrom('links').select('links.id').whereRef('links.album_id', '=', 'albums.id')))
        )
        .executeTakeFirst()
      removed = Number(result.numDeletedRows)
      await trx.deleteFrom('album_photos').where('album_id', 'in', stale).execute()
    }
    return { created, removed }
  })
}

type ExistingAlbum = { id: number; kind: AlbumKind; filter: string; title: string }

/**
 * A moment's key is its country and first day, so photos added before its
 * start give it a new key. Such a moment takes over the old album that shares
 * the most photos with it, keeping the album's uid and links, instead of
 * leaving a shared moment empty beside a new one.
 */
async function adoptMovedMoments(
  trx: Transaction<DB>,
  wanted: Derived[],
  byKey: Map<string, ExistingAlbum>,
  now: string
): Promise<void> {
  const moved = wanted.filter(d => d.kind === 'moment' && !byKey.has(`moment:${d.filter}`))
  const wantedKeys = new Set(wanted.map(d => `${d.kind}:${d.filter}`))
  const orphans = [...byKey.entries()].filter(([key, a]) => a.kind === 'moment' && !wantedKeys.has(key))
  if (moved.length === 0 || orphans.length === 0) return
  const members = await trx
    .selectFrom('album_photos')
    .select(['album_id', 'photo_id'])
    .where(
      'album_id',
      'in',
      orphans.map(([, a]) => a.id)
    )
    .execute()
  const albumOf = new Map(members.map(m => [m.photo_id, m.album_id]))
  for (const moment of moved) {
    const overlap = new Map<number, number>()
    for (const id of moment.photoIds ?? []) {
      const albumId = albumOf.get(id)
      if (albumId !== undefined) overlap.set(albumId, (overlap.get(albumId) ?? 0) + 1)
    }
    const best = [...overlap.entries()].sort((a, b) => b[1] - a[1])[0]
    const orphan = best && orphans.find(([key, a]) => a.id === best[0] && byKey.has(key))
    if (!orphan) continue
    const [oldKey, album] = orphan
    await trx.updateTable('albums').set({ filter: moment.filter, updated_at: now }).where('id', '=', album.id).execute()
    byKey.delete(oldKey)
    byKey.set(`moment:${moment.filter}`, { ...album, filter: moment.filter })
  }
}

async function replaceMembers(trx: Transaction<DB>, albumId: number, photoIds: number[]): Promise<void> {
  await trx.deleteFrom('album_photos').where('album_id', '=', albumId).execute()
  for (let i = 0; i < photoIds.length; i += 400) {
    await trx
      .insertInto('album_photos')
      .values(photoIds.slice(i, i + 400).map(photo_id => ({ album_id: albumId, photo_id })))
      .execute()
  }
}
