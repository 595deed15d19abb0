import t from 'tap'
import { buildTestApp, signIn } from '../helper.ts'
import { shareOriginWarning } from '../../src/sharing/share-origin.ts'
import { ownerGet } from './owner-helpers.ts'

const NOTE = 'Visitors may not be able to open these links'

t.test('the note names origins visitors cannot reach', async t => {
  const warns = (base: string, listen = '0.0.0.0'): boolean => shareOriginWarning(base, undefined, listen) !== null
  for (const base of [
    'http://localhost:2342',
    'http://127.0.0.1:2342',
    'http://[::1]:2342',
    'http://192.168.1.20:2342',
    'http://10.0.0.3',
    'http://172.20.1.1',
    'http://[fd00::5]',
    'http://169.254.1.1',
    'http://nas:2342',
    'http://photos.local',
    'http://box.lan',
    'http://100.64.1.1'
  ]) {
    t.ok(warns(base), `${base} warns`)
  }
  for (const base of ['https://photos.example.org', 'http://203.0.113.9:2342', 'https://[2001:db8::1]']) {
    t.notOk(warns(base), `${base} does not`)
  }
  t.ok(warns('http://203.0.113.9:2342', '198.51.100.4'), 'an address other than the one the server listens on warns')
  t.notOk(warns('http://203.0.113.9:2342', '203.0.113.9'), 'the address it listens on does not')
  t.equal(
    shareOriginWarning('http://localhost:2342', 'https://photos.example.org', '0.0.0.0'),
    null,
    'never with a public URL'
  )
  t.match(
    shareOriginWarning('http://127.0.0.1:2342', undefined, '127.0.0.1'),
    'ALBUMLINK_PUBLIC_URL',
    'says what to set'
  )
})

t.test('share dialog and /links show the note when the origin looks unreachable', async t => {
  const { app, db } = await buildTestApp(t)
  const session = await signIn(app)
  const album = await db.selectFrom('albums').select('uid').where('kind', '=', 'month').executeTakeFirstOrThrow()
  for (const url of [`/albums/${album.uid}/share`, '/links']) {
    t.match((await ownerGet(app, session, url, { host: '127.0.0.1:2342' })).body, NOTE, `${url} on 127.0.0.1`)
    t.match(
      (await ownerGet(app, session, url, { host: '192.168.1.20:2342' })).body,
      NOTE,
      `${url} on a private address`
    )
    t.notMatch(
      (await ownerGet(app, session, url, { host: 'photos.example.org' })).body,
      NOTE,
      `${url} on a public name`
    )
  }
})

t.test('no note once ALBUMLINK_PUBLIC_URL is set', async t => {
  const { app, db } = await buildTestApp(t, { env: { ALBUMLINK_PUBLIC_URL: 'https://photos.example.org' } })
  const session = await signIn(app)
  const album = await db.selectFrom('albums').select('uid').where('kind', '=', 'month').executeTakeFirstOrThrow()
  const dialog = await ownerGet(app, session, `/albums/${album.uid}/share`, { host: '127.0.0.1:2342' })
  t.notMatch(dialog.body, NOTE)
})
