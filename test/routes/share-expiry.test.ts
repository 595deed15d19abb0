import t from 'tap'
import type { Album } from '../../src/db/schema.ts'
import { addLink, albumOfKind, ownerApp, ownerGet, rowHtml, saveLink, storedLink, type Owner } from './share-helpers.ts'

const NOW = '2025-01-31T10:00:00.000Z'

/** A moment with one link, on a clock stopped at NOW. */
async function setup(t: Parameters<typeof ownerApp>[0]): Promise<Owner & { album: Album; id: number }> {
  const o = await ownerApp(t)
  o.clock.now = new Date(NOW)
  const album = await albumOfKind(o, 'moment')
  return { ...o, album, id: await addLink(o, album) }
}

t.test('every preset extends the stored expiry; a link that never expires keeps never expiring', async t => {
  const o = await setup(t)
  for (const choice of ['1d', '1w', '1y']) {
    t.equal(
      (await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: choice })).statusCode,
      303,
      `${choice} on a link without expiry`
    )
    t.equal((await storedLink(o, o.id))!.expires_at, null, `${choice}: still never expires`)
  }
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: 'custom', expires_date: '2025-02-10' })
  const presets: Array<[string, string | null]> = [
    ['1d', '2025-02-11T23:59:59.999Z'],
    ['3d', '2025-02-14T23:59:59.999Z'],
    ['1w', '2025-02-21T23:59:59.999Z'],
    ['2w', '2025-03-07T23:59:59.999Z'],
    ['1m', '2025-04-07T23:59:59.999Z'],
    ['2m', '2025-06-07T23:59:59.999Z'],
    ['1y', '2026-06-07T23:59:59.999Z'],
    ['never', null]
  ]
  for (const [choice, expected] of presets) {
    const res = await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: choice })
    t.equal(res.statusCode, 303, `${choice} saved`)
    t.equal((await storedLink(o, o.id))!.expires_at, expected, `${choice} → ${expected}`)
  }
})

t.test('an expired link is extended from now; a year from 29 February ends on 28 February', async t => {
  const o = await setup(t)
  o.clock.now = new Date('2024-02-29T12:00:00.000Z')
  await o.db.updateTable('links').set({ expires_at: '2024-01-01T00:00:00.000Z' }).where('id', '=', o.id).execute()
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: '1y' })
  t.equal((await storedLink(o, o.id))!.expires_at, '2025-02-28T12:00:00.000Z')
})

t.test('the form offers extensions with their dates, and none for a link that never expires', async t => {
  const o = await setup(t)
  let row = rowHtml((await ownerGet(o, `/albums/${o.album.uid}/share`)).body, o.id)
  t.notMatch(row, 'Extend by', 'a link that never expires offers no extension')
  t.match(row, '<option value="never" selected>Never</option>')
  t.match(row, 'This link never expires. To give it an end, pick a date.')
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: 'custom', expires_date: '2025-02-10' })
  row = rowHtml((await ownerGet(o, `/albums/${o.album.uid}/share`)).body, o.id)
  t.match(row, '<option value="keep" selected>Expires 10 February 2025</option>')
  t.match(
    row,
    '<option value="1w">Extend by 1 week (until 17 February 2025)</option>',
    'each extension says where it leads'
  )
  t.match(row, 'Extending adds to the current expiry date; it never shortens the link.')
  o.clock.now = new Date('2025-03-01T10:00:00.000Z')
  row = rowHtml((await ownerGet(o, `/albums/${o.album.uid}/share`)).body, o.id)
  t.match(row, '<option value="1w">Extend by 1 week (until 8 March 2025)</option>', 'once expired, from now')
  t.match(row, 'counted from now as it has passed')
})

t.test('a date typed beside "Never" is a form error that says which to choose and loses nothing typed', async t => {
  const o = await setup(t)
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { options: '1', allow_downloads: '1', max_visits: '' })
  const before = await storedLink(o, o.id)
  const typed = {
    secret: 'typed-secret-2025',
    expires: 'never',
    expires_date: '2025-06-15',
    password: 'typed password 1',
    options: '1',
    max_visits: '12'
  }
  const res = await saveLink(o, o.album, before!, typed)
  t.equal(res.statusCode, 400)
  const row = rowHtml(res.body, o.id)
  t.match(
    row,
    'role="alert">Not saved: You entered the date 2025-06-15 but chose &quot;Never&quot;. To expire on that date, choose &quot;On a date…&quot;; to keep the link open for good, clear the date.'
  )
  t.match(row, '<option value="never" selected>Never</option>', 'the choice is kept')
  t.match(row, 'name="expires_date" type="date" value="2025-06-15"', 'the date is kept')
  t.match(row, 'value="typed-secret-2025"', 'the secret is kept')
  t.match(row, /name="password"[^>]*value="typed password 1"/, 'the password is kept')
  t.match(row, /name="max_visits"[^>]*value="12"/, 'the visit limit is kept')
  t.match(row, /name="allow_downloads" value="1">/, 'the unticked downloads box stays unticked')
  t.same(await storedLink(o, o.id), before, 'nothing changed')
  const chosen = await saveLink(o, o.album, before!, { ...typed, expires: 'custom' })
  t.equal(chosen.statusCode, 303, 'choosing "On a date…" saves it')
  t.match(await storedLink(o, o.id), {
    token: 'typed-secret-2025',
    expires_at: '2025-06-15T23:59:59.999Z',
    max_visits: 12,
    allow_downloads: 0
  })
})

t.test('a custom date means the end of that day (UTC); keep leaves it', async t => {
  const o = await setup(t)
  for (const date of ['2025-06-15', '2025-01-31']) {
    const res = await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: 'custom', expires_date: date })
    t.equal(res.statusCode, 303, `${date} saved`)
    t.equal((await storedLink(o, o.id))!.expires_at, `${date}T23:59:59.999Z`)
  }
  const before = await storedLink(o, o.id)
  o.clock.now = new Date('2025-01-31T12:00:00.000Z')
  await saveLink(o, o.album, before!, { expires: 'keep', secret: 'kept-expiry' })
  const after = (await storedLink(o, o.id))!
  t.equal(after.token, 'kept-expiry')
  t.equal(after.expires_at, before!.expires_at, 'keep leaves the expiry')
})

t.test('bad expiry input is refused with a clear error and nothing changes', async t => {
  const o = await setup(t)
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: 'custom', expires_date: '2025-02-14' })
  const refused: Array<[string, Record<string, string>, RegExp]> = [
    ['a past date', { expires: 'custom', expires_date: '2025-01-30' }, /in the past/],
    ['30 February', { expires: 'custom', expires_date: '2024-02-30' }, /calendar date \(YYYY-MM-DD\)/],
    ['month 13', { expires: 'custom', expires_date: '2025-13-01' }, /calendar date/],
    ['a word', { expires: 'custom', expires_date: 'tomorrow' }, /calendar date/],
    ['no date', { expires: 'custom', expires_date: '' }, /calendar date/],
    ['more than 100 years away', { expires: 'custom', expires_date: '2125-02-01' }, /more than 100 years/],
    ['an unknown choice', { expires: 'forever' }, /Choose when the link expires/],
    ['a date beside "Never"', { expires: 'never', expires_date: '2025-06-15' }, /but chose &quot;Never&quot;/],
    ['a date beside an extension', { expires: '1w', expires_date: '2025-06-15' }, /but chose to extend by 1 week/]
  ]
  for (const [what, fields, message] of refused) {
    const before = await storedLink(o, o.id)
    const res = await saveLink(o, o.album, before!, { ...fields, secret: 'would-change' })
    t.equal(res.statusCode, 400, `${what}: 400`)
    const row = rowHtml(res.body, o.id)
    t.match(row, /role="alert">Not saved: /, `${what}: inline error`)
    t.match(row, message, `${what}: says why`)
    if (fields.expires_date) {
      t.match(row, `<option value="${fields.expires}" selected>`, `${what}: the choice is kept in the form`)
      t.match(row, `name="expires_date" type="date" value="${fields.expires_date}"`, `${what}: the typed date is kept`)
    }
    t.same(await storedLink(o, o.id), before, `${what}: nothing changed`)
  }
  const edge = await saveLink(o, o.album, (await storedLink(o, o.id))!, {
    expires: 'custom',
    expires_date: '2125-01-30'
  })
  t.equal(edge.statusCode, 303, 'just under 100 years is fine')
})

t.test('an expired link stays listed, marked Expired, and no longer opens', async t => {
  const o = await setup(t)
  const link = (await storedLink(o, o.id))!
  await saveLink(o, o.album, link, { expires: 'custom', expires_date: '2025-02-01' })
  t.equal((await o.app.inject({ url: `/s/${link.token}` })).statusCode, 303, 'opens while live')
  o.clock.now = new Date('2025-02-02T00:00:00.000Z')
  const row = rowHtml((await ownerGet(o, `/albums/${o.album.uid}/share`)).body, o.id)
  t.match(row, /<li class="link-row expired"/)
  t.match(row, /<span class="tag">Expired<\/span>/)
  t.match(row, /expired 1 February 2025, 23:59 UTC/)
  t.equal((await o.app.inject({ url: `/s/${link.token}` })).statusCode, 404, 'the visitor gets a 404')
  const list = await ownerGet(o, '/moments')
  t.match(
    list.body,
    `href="/albums/${o.album.uid}/share" data-share-dialog title="Shared`,
    'the card still shows the share icon'
  )
})
