import type { LightMyRequestResponse } from 'fastify'
import type { Album, AlbumKind, Link } from '../../src/db/schema.ts'
import { buildTestApp, ownerPost, signIn, type BuildOptions, type OwnerSession, type TestApp } from '../helper.ts'

export interface Owner extends TestApp {
  session: OwnerSession
}

/** A fresh demo library with the owner signed in. */
export async function ownerApp(t: { teardown: (fn: () => unknown) => void }, options?: BuildOptions): Promise<Owner> {
  const test = await buildTestApp(t, options)
  return { ...test, session: await signIn(test.app) }
}

export async function albumOfKind(o: Owner, kind: AlbumKind, skip = 0): Promise<Album> {
  return await o.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow()
}

/** Creates a manual album through its form. */
export async function manualAlbum(o: Owner, title: string): Promise<Album> {
  const res = await ownerPost(o.app, o.session, '/albums', { title, description: '' })
  if (res.statusCode !== 303) throw new Error(`creating an album failed: ${res.statusCode}`)
  const uid = String(res.headers.location).split('/').pop() as string
  return await o.db.selectFrom('albums').selectAll().where('uid', '=', uid).executeTakeFirstOrThrow()
}

export const ownerGet = async (
  o: Owner,
  url: string,
  headers: Record<string, string> = {}
): Promise<LightMyRequestResponse> => await o.app.inject({ url, headers: { cookie: o.session.cookie, ...headers } })

/** Adds a link from the dialog's button; returns its id, read from the redirect. */
export async function addLink(o: Owner, album: Pick<Album, 'uid'>): Promise<number> {
  const res = await ownerPost(o.app, o.session, `/albums/${album.uid}/links`)
  const id = /\/share\?open=(\d+)/.exec(String(res.headers.location))?.[1]
  if (res.statusCode !== 303 || !id) throw new Error(`adding a link failed: ${res.statusCode} ${res.headers.location}`)
  return Number(id)
}

/** Saves a row's form; unspecified fields keep what the row holds. */
export async function saveLink(
  o: Owner,
  album: Pick<Album, 'uid'>,
  link: Pick<Link, 'id' | 'token'>,
  fields: Record<string, string> = {}
): Promise<LightMyRequestResponse> {
  return await ownerPost(o.app, o.session, `/albums/${album.uid}/links/${link.id}`, {
    secret: link.token,
    expires: 'keep',
    expires_date: '',
    ...fields
  })
}

export const storedLink = async (o: Owner, id: number): Promise<Link | undefined> =>
  await o.db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst()

export const allLinks = async (o: Owner): Promise<Link[]> =>
  await o.db.selectFrom('links').selectAll().orderBy('id').execute()

/** The markup of one link row of the share dialog. */
export function rowHtml(html: string, id: number): string {
  const row = new RegExp(`<li class="link-row[^"]*" id="link-${id}">[\\s\\S]*?</li>`).exec(html)
  if (!row) throw new Error(`no row for link ${id}`)
  return row[0]
}

/** The markup of the album card that links to this album. */
export function cardHtml(html: string, uid: string): string {
  const card = html.split('<article class="album-card">').find(part => part.includes(`href="/albums/${uid}"`))
  if (!card) throw new Error(`no card for ${uid}`)
  return card.slice(0, card.indexOf('</article>'))
}
