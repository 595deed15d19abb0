import t from 'tap'
import { protectedLink, SECRET } from './password-helpers.ts'
import { linkRows } from '../../src/sharing/link-rows.ts'
import { albumsOfToken, resolveGrant } from '../../src/sharing/grants.ts'
import { allLinks } from '../../src/sharing/overview.ts'

// What the pages and the page cache are given must not hold a password hash, however deep.
const holdsHash = (value: unknown, hash: string): boolean =>
  JSON.stringify(value).includes(hash) || JSON.stringify(value).includes('password_hash')

t.test("a link's password hash reaches no view model or cache", async t => {
  const { app, db, album } = await protectedLink(t)
  const { password_hash: hash } = await db
    .selectFrom('links')
    .select('password_hash')
    .where('album_id', '=', album.id)
    .executeTakeFirstOrThrow()
  t.ok(hash, 'the link has a password')
  const now = app.now()
  const rows = await linkRows(db, album, 'http://x', now)
  t.equal(rows[0].link.protected, true, 'the share dialog knows it is protected')
  t.notOk(holdsHash(rows, hash as string), 'share dialog rows')
  t.notOk(holdsHash(await allLinks(db, {}, now), hash as string), 'the links overview')
  t.notOk(holdsHash(await albumsOfToken(db, SECRET, now), hash as string), "a token's albums")
  t.notOk(
    holdsHash(await resolveGrant(db, { token: SECRET, ref: album.uid }, now), hash as string),
    'the grant (kept in the grant cache)'
  )
  const dialog = await app.inject({ url: `/albums/${album.uid}/share` })
  t.notOk(dialog.body.includes(hash as string))
})
