import yauzl from 'yauzl'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import type { Album, AlbumKind, DB, Photo } from '../../src/db/schema.ts'
import { buildTestApp, cookiesFrom, ownerPost, type OwnerSession } from '../helper.ts'

type Db = Kysely<DB>

let clients = 0
/** A fresh client address, so tests that expect many 404s stay below the miss limit. */
export const freshClient = (): string => `10.9.${Math.floor(++clients / 250) % 250}.${(clients % 250) + 1}`

/** Shares an album by inserting a link row; returns the token and the link id. */
export async function share(
  db: Db,
  album: Pick<Album, 'id'>,
  token: string,
  expiresAt: string | null = null
): Promise<{ token: string; id: number }> {
  const now = new Date().toISOString()
  const row = await db
    .insertInto('links')
    .values({ token, album_id: album.id, expires_at: expiresAt, created_at: now, updated_at: now, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { token, id: row.id }
}

/** GET with the visitor cookie (and a client address of the caller's choice). */
export async function visit(
  app: FastifyInstance,
  url: string,
  cookie = '',
  remoteAddress?: string,
  headers: Record<string, string> = {}
): Promise<LightMyRequestResponse> {
  return await app.inject({ url, headers: { cookie, ...headers }, ...(remoteAddress ? { remoteAddress } : {}) })
}

/** Opens /s/:token (and the album page when given) and returns the visitor cookie. */
export async function openLink(app: FastifyInstance, token: string, cookie = '', albumRef?: string): Promise<string> {
  const res = await visit(app, albumRef ? `/s/${token}/${albumRef}` : `/s/${token}`, cookie)
  if (res.statusCode >= 400) throw new Error(`opening ${token} failed: ${res.statusCode}`)
  return cookiesFrom(res, cookie)
}

/** The page an unknown link gets: the reference every refusal must match byte for byte. */
export async function unknownLinkBody(app: FastifyInstance): Promise<string> {
  return (await visit(app, '/s/no-such-link-anywhere', '', freshClient())).body
}

/** Photo uids the visitor album grid links to (the album page `base` is /s/:token/:album). */
export const gridUids = (html: string): string[] =>
  [...html.matchAll(/<li class="tile[^"]*">[\s\S]*?href="\/s\/[^/"]+\/[^/"]+\/([a-z0-9]+)"/g)].map(m => m[1])

/** The first album of a kind with at least `min` visible photos. */
export async function albumOfKind(db: Db, kind: AlbumKind, min = 5): Promise<Album> {
  for (const album of await db.selectFrom('albums').selectAll().where('kind', '=', kind).orderBy('id').execute()) {
    if ((await expectedUids(db, album)).length >= min) return album
  }
  throw new Error(`no ${kind} album with ${min} photos`)
}

/**
 * What a visitor may see, written independently of the app's membership
 * code: the album's photos by its own rule, minus private, archived,
 * missing and unreadable ones.
 */
export async function expectedUids(db: Db, album: Album, visibleOnly = true): Promise<string[]> {
  let query = db.selectFrom('photos').select('photos.uid')
  if (visibleOnly) {
    query = query
      .where('private', '=', 0)
      .where('archived', '=', 0)
      .where('missing', '=', 0)
      .where('error', 'is', null)
      .where('companion_of', 'is', null)
  }
  if (album.kind === 'album' || album.kind === 'moment') {
    query = query.where('id', 'in', db.selectFrom('album_photos').select('photo_id').where('album_id', '=', album.id))
  } else if (album.kind === 'month') {
    query = query.where('taken_at', 'like', `${album.filter}-%`)
  } else if (album.kind === 'state') {
    const [code, state] = album.filter.split('/')
    query = query.where('country_code', '=', code).where('state', '=', state)
  } else {
    query = query.where('folder', '=', album.filter)
  }
  return (await query.execute()).map(r => r.uid).sort()
}

export async function setFlag(db: Db, uid: string, flag: 'private' | 'archived', value = 1): Promise<void> {
  await db
    .updateTable('photos')
    .set({ [flag]: value })
    .where('uid', '=', uid)
    .execute()
}

/** A manual album made through the owner's forms, holding the given photos. */
export async function manualAlbum(
  app: FastifyInstance,
  db: Db,
  session: OwnerSession,
  title: string,
  photos: string[]
): Promise<Album> {
  const res = await ownerPost(app, session, '/albums', { title, description: '' })
  if (res.statusCode !== 303) throw new Error(`create album failed: ${res.statusCode}`)
  const uid = String(res.headers.location).split('/').pop() as string
  const added = await ownerPost(app, session, `/albums/${uid}/photos`, { photos })
  if (added.statusCode !== 303) throw new Error(`adding photos failed: ${added.statusCode}`)
  return await db.selectFrom('albums').selectAll().where('uid', '=', uid).executeTakeFirstOrThrow()
}

/** Uids of photos that are in no album of the given one's kind-rule (photos of "another album"). */
export async function photoOutside(db: Db, album: Album): Promise<string> {
  const inside = new Set(await expectedUids(db, album, false))
  const rows = await db.selectFrom('photos').select('uid').orderBy('id').execute()
  const outside = rows.find(r => !inside.has(r.uid))
  if (!outside) throw new Error('every photo is in the album')
  return outside.uid
}

interface HeaderAssert {
  equal: (found: unknown, wanted: unknown, message: string) => unknown
  match: (found: unknown, pattern: RegExp, message: string) => unknown
  ok: (found: unknown, message: string) => unknown
}

/** Invariant 5 and friends: every visitor response, pages, bytes and refusals alike. */
export function assertVisitorHeaders(t: HeaderAssert, res: LightMyRequestResponse, what: string): void {
  t.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: Referrer-Policy`)
  t.match(res.headers['x-robots-tag'], /noindex/, `${what}: X-Robots-Tag`)
  t.ok(res.headers['content-security-policy'], `${what}: Content-Security-Policy`)
  t.match(res.headers['cache-control'], /^private(,|$)/, `${what}: Cache-Control private`)
}

/** Entry names (in order) and contents of a zip, read with yauzl. */
/** The photos with these uids in the order a zip holds them (date taken, then id). */
export async function inZipOrder(db: Db, uids: string[]): Promise<Photo[]> {
  return await db.selectFrom('photos').selectAll().where('uid', 'in', uids).orderBy('taken_at').orderBy('id').execute()
}

export async function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z)))
  )
  const entries = new Map<string, Buffer>()
  return await new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks))
          zip.readEntry()
        })
        stream.on('error', reject)
      })
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', reject)
    zip.readEntry()
  })
}

/**
 * A fresh app with an album of `kind` shared under `token` and opened by a visitor: the usual start of a visitor test.
 */
export async function openedShare(t: Parameters<typeof buildTestApp>[0], kind: AlbumKind, token: string) {
  const ctx = await buildTestApp(t)
  const album = await albumOfKind(ctx.db, kind)
  const [photo] = await expectedUids(ctx.db, album)
  const link = await share(ctx.db, album, token)
  const cookie = await openLink(ctx.app, link.token)
  return { ...ctx, album, photo, link, cookie }
}
