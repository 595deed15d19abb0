import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB, Photo } from '../../src/db/schema.ts'
import { newUid } from '../../src/util/ids.ts'
import { ownerPost, type OwnerSession } from '../helper.ts'

interface Assert {
  notMatch: (found: any, pattern: any, ...message: any[]) => unknown
}

export async function ownerGet(
  app: FastifyInstance,
  session: OwnerSession,
  url: string,
  headers: Record<string, string> = {}
): Promise<LightMyRequestResponse> {
  return await app.inject({ url, headers: { cookie: session.cookie, ...headers } })
}

/** A rendered error page never shows a stack trace or a source path. */
export function assertNoStack(t: Assert, body: string, what = 'no stack trace'): void {
  t.notMatch(body, /\n\s+at \S|\.ts:\d+|node_modules|Error: /, what)
}

/** Creates a manual album through the form, with `photos` (uids or rows) added, and returns its uid. */
export async function createAlbum(
  app: FastifyInstance,
  session: OwnerSession,
  title: string,
  photos: Array<string | { uid: string }> = []
): Promise<string> {
  const res = await ownerPost(app, session, '/albums', { title, description: '' })
  if (res.statusCode !== 303) throw new Error(`create album failed: ${res.statusCode}`)
  const uid = String(res.headers.location).split('/').pop() as string
  const uids = photos.map(p => (typeof p === 'string' ? p : p.uid))
  if (uids.length > 0) await ownerPost(app, session, `/albums/${uid}/photos`, { photos: uids })
  return uid
}

export async function somePhotos(db: Kysely<DB>, n: number): Promise<Photo[]> {
  return await db.selectFrom('photos').selectAll().orderBy('id').limit(n).execute()
}

/** The first `n` photos, oldest first. */
export async function somePhotosByDate(db: Kysely<DB>, n: number): Promise<Photo[]> {
  return (await somePhotos(db, n)).sort((a, b) => (a.taken_at ?? '').localeCompare(b.taken_at ?? ''))
}

/** Inserts copies of a photo row (same file and thumbnails) with new uids, paths and one-minute-apart dates. */
export async function clonePhotos(
  db: Kysely<DB>,
  source: Photo,
  n: number,
  changes: Partial<Photo> = {}
): Promise<Photo[]> {
  const { id: _id, ...rest } = source
  const rows = Array.from({ length: n }, (_, i) => ({
    ...rest,
    uid: newUid('p'),
    path: `clones/${i}-${source.path}`,
    taken_at: `2001-01-01T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
    ...changes
  }))
  const out: Photo[] = []
  for (let i = 0; i < rows.length; i += 100) {
    out.push(
      ...(await db
        .insertInto('photos')
        .values(rows.slice(i, i + 100))
        .returningAll()
        .execute())
    )
  }
  return out
}

export const albumByUid = async (db: Kysely<DB>, uid: string) =>
  await db.selectFrom('albums').selectAll().where('uid', '=', uid).executeTakeFirst()

export async function memberUids(db: Kysely<DB>, albumUid: string): Promise<string[]> {
  const rows = await db
    .selectFrom('album_photos')
    .innerJoin('albums', 'albums.id', 'album_photos.album_id')
    .innerJoin('photos', 'photos.id', 'album_photos.photo_id')
    .select('photos.uid')
    .where('albums.uid', '=', albumUid)
    .execute()
  return rows.map(r => r.uid).sort()
}

/** Photo uids in the order a grid page links to them. */
export const gridUids = (html: string): string[] =>
  [...html.matchAll(/<li class="tile[^"]*">[\s\S]*?href="\/photos\/([a-z0-9]+)/g)].map(m => m[1])
