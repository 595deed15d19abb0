import type { Kysely } from 'kysely'
import type { Album, DB } from '../../db/schema.ts'
import { newUid, nowIso, slugify } from '../../util/ids.ts'

export interface AlbumFields {
  title: string
  description: string
}

export async function createAlbum(db: Kysely<DB>, fields: AlbumFields): Promise<Album> {
  const uid = newUid('a')
  const now = nowIso()
  return await db
    .insertInto('albums')
    .values({
      uid,
      kind: 'album',
      slug: slugify(fields.title),
      title: fields.title,
      description: fields.description,
      filter: uid,
      cover_photo_id: null,
      created_at: now,
      updated_at: now
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateAlbum(db: Kysely<DB>, albumId: number, fields: AlbumFields): Promise<void> {
  await db
    .updateTable('albums')
    .set({ ...fields, slug: slugify(fields.title), updated_at: nowIso() })
    .where('id', '=', albumId)
    .where('kind', '=', 'album')
    .execute()
}

/** Deleting an album deletes its links (foreign key cascade) and memberships, never photos. */
export async function deleteAlbum(db: Kysely<DB>, albumId: number): Promise<void> {
  await db.deleteFrom('albums').where('id', '=', albumId).where('kind', '=', 'album').execute()
}

const idsOf = async (db: Kysely<DB>, uids: string[]): Promise<number[]> =>
  uids.length === 0
    ? []
    : (await db.selectFrom('photos').select('id').where('uid', 'in', uids).execute()).map(r => r.id)

export async function addPhotos(db: Kysely<DB>, albumId: number, uids: string[]): Promise<number> {
  const ids = await idsOf(db, uids)
  if (ids.length === 0) return 0
  const result = await db
    .insertInto('album_photos')
    .values(ids.map(photo_id => ({ album_id: albumId, photo_id })))
    .onConflict(oc => oc.doNothing())
    .executeTakeFirst()
  await db.updateTable('albums').set({ updated_at: nowIso() }).where('id', '=', albumId).execute()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export async function removePhotos(db: Kysely<DB>, albumId: number, uids: string[]): Promise<number> {
  const ids = await idsOf(db, uids)
  if (ids.length === 0) return 0
  const result = await db
    .deleteFrom('album_photos')
    .where('album_id', '=', albumId)
    .where('photo_id', 'in', ids)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Only a member of the album can be its cover. */
export async function setCover(db: Kysely<DB>, albumId: number, uid: string): Promise<void> {
  const member = await db
    .selectFrom('photos')
    .innerJoin('album_photos', 'album_photos.photo_id', 'photos.id')
    .select('photos.id')
    .where('album_photos.album_id', '=', albumId)
    .where('photos.uid', '=', uid)
    .executeTakeFirst()
  if (member) {
    await db
      .updateTable('albums')
      .set({ cover_photo_id: member.id, updated_at: nowIso() })
      .where('id', '=', albumId)
      .execute()
  }
}
