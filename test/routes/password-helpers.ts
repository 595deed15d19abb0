import type { Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { buildTestApp, signIn, ownerPost } from '../helper.ts'
import { albumOfKind, unknownLinkBody, visit } from './visitor-helpers.ts'

export const SECRET = 'protected-trip-2024'

/** A state album shared under SECRET with a password, opened by a fresh visitor (locked). */
export async function protectedLink(t: Test) {
  const ctx = await buildTestApp(t)
  const session = await signIn(ctx.app)
  const album = await albumOfKind(ctx.db, 'state')
  t.equal((await ownerPost(ctx.app, session, `/albums/${album.uid}/links`)).statusCode, 303)
  const link = await ctx.db.selectFrom('links').selectAll().where('album_id', '=', album.id).executeTakeFirstOrThrow()
  const saved = await saveLink({ app: ctx.app, session, album, link }, { password: 'open sesame' })
  t.equal(saved.statusCode, 303, 'password saved')
  const photo = await ctx.db
    .selectFrom('photos')
    .select('uid')
    .where('country_code', '=', album.filter.split('/')[0])
    .where('state', '=', album.filter.split('/').slice(1).join('/'))
    .executeTakeFirstOrThrow()
  const base = `/s/${SECRET}/${album.uid}`
  const routes = {
    photo: `${base}/${photo.uid}`,
    tile: `${base}/${photo.uid}/thumb/tile`,
    view: `${base}/${photo.uid}/thumb/view`,
    original: `${base}/${photo.uid}/original`,
    zip: `${base}/download`,
    geojson: `${base}/map.geojson`,
    map: `${base}/map`
  }
  return { ...ctx, session, album, link, base, routes }
}

export type Ctx = Awaited<ReturnType<typeof protectedLink>>

/** Saves the link's row as the owner: SECRET, no expiry, downloads allowed, and `fields` (password, …). */
export async function saveLink(
  ctx: Pick<Ctx, 'app' | 'session' | 'album' | 'link'>,
  fields: Record<string, string>
): Promise<LightMyRequestResponse> {
  return await ownerPost(ctx.app, ctx.session, `/albums/${ctx.album.uid}/links/${ctx.link.id}`, {
    secret: SECRET,
    expires: 'never',
    options: '1',
    allow_downloads: '1',
    ...fields
  })
}

export async function unlock(ctx: Ctx, cookie: string, password: string, client = '10.1.1.1') {
  return await ctx.app.inject({
    method: 'POST',
    url: `${ctx.base}/unlock`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `password=${encodeURIComponent(password)}`,
    remoteAddress: client
  })
}

/** Pages a link may be opened at: while it is locked they show the password form instead of refusing. */
const PAGES = new Set(['photo', 'map'])

/**
 * `served`: every route answers 200; `refused`: every route answers like an
 * unknown link; `locked`: the pages show the password form (401), the rest
 * answers like an unknown link.
 */
export async function everyContentRoute(
  t: Test,
  ctx: Ctx,
  cookie: string,
  expect: 'refused' | 'served' | 'locked',
  what: string
): Promise<void> {
  const invalid = await unknownLinkBody(ctx.app)
  for (const [name, url] of Object.entries(ctx.routes)) {
    const res = await visit(ctx.app, url, cookie)
    if (expect === 'served') t.equal(res.statusCode, 200, `${what}: ${name} served`)
    else if (expect === 'locked' && PAGES.has(name)) {
      t.equal(res.statusCode, 401, `${what}: ${name} asks for the password`)
      t.match(res.body, 'This shared album is protected', `${what}: ${name} shows the password form`)
      t.notMatch(res.body, '/thumb/', `${what}: ${name} shows no photo`)
    } else {
      t.equal(res.statusCode, 404, `${what}: ${name} refused`)
      t.equal(res.body, invalid, `${what}: ${name} answers like a missing page`)
    }
  }
}
