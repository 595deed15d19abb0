import t from 'tap'
import type { Album } from '../../src/db/schema.ts'
import { addLink, albumOfKind, ownerApp, ownerGet, rowHtml, saveLink, storedLink, type Owner } from './share-helpers.ts'

const NOW = '2025-01-31T10:00:00.000Z'

/** A moment with one link, on a clock stopped at NOW. */
async function setup (t: Parameters<typeof ownerApp>[0]): Promise<Owner & { album: Album, id: number }> {
  const o = await ownerApp(t)
  o.clock.now = new Date(NOW)
  const album = await albumOfKind(o, 'moment')
  return { ...o, album, id: await addLink(o, album) }
}

t.test('every preset stores an absolute time from the app clock', async t => {
  const o = await setup(t)
  const presets: Array<[string, string | null]> = [
    ['1d', '2025-02-01T10:00:00.000Z'],
    ['3d', '2025-02-03T10:00:00.000Z'],
    ['1w', '2025-02-07T10:00:00.000Z'],
    ['2w', '2025-02-14T10:00:00.000Z'],
    ['1m', '2025-02-28T10:00:00.000Z'],
    ['2m', '2025-03-31T10:00:00.000Z'],
    ['1y', '2026-01-31T10:00:00.000Z'],
    ['never', null]
  ]
  for (const [choice, expected] of presets) {
    const res = await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: choice })
    t.equal(res.statusCode, 303, `${choice} saved`)
    t.equal((await storedLink(o, o.id))!.expires_at, expected, `${choice} → ${expected}`)
  }
})

t.test('a year from 29 February ends on 28 February', async t => {
  const o = await setup(t)
  o.clock.now = new Date('2024-02-29T12:00:00.000Z')
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: '1y' })
  t.equal((await storedLink(o, o.id))!.expires_at, '2025-02-28T12:00:00.000Z')
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
  await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: '2w' })
  const refused: Array<[string, Record<string, string>, RegExp]> = [
    ['a past date', { expires: 'custom', expires_date: '2025-01-30' }, /in the past/],
    ['30 February', { expires: 'custom', expires_date: '2024-02-30' }, /calendar date \(YYYY-MM-DD\)/],
    ['month 13', { expires: 'custom', expires_date: '2025-13-01' }, /calendar date/],
    ['a word', { expires: 'custom', expires_date: 'tomorrow' }, /calendar date/],
    ['no date', { expires: 'custom', expires_date: '' }, /calendar date/],
    ['more than 100 years away', { expires: 'custom', expires_date: '2125-02-01' }, /more than 100 years/],
    ['an unknown choice', { expires: 'forever' }, /Choose when the link expires/]
  ]
  for (const [what, fields, message] of refused) {
    const before = await storedLink(o, o.id)
    const res = await saveLink(o, o.album, before!, { ...fields, secret: 'would-change' })
    t.equal(res.statusCode, 400, `${what}: 400`)
    const row = rowHtml(res.body, o.id)
    t.match(row, /role="alert">Not saved: /, `${what}: inline error`)
    t.match(row, message, `${what}: says why`)
    if (fields.expires === 'custom') {
      t.match(row, /<option value="custom" selected>/, `${what}: the choice is kept in the form`)
      t.match(row, `name="expires_date" type="date" value="${fields.expires_date}"`, `${what}: the typed date is kept`)
    }
    t.same(await storedLink(o, o.id), before, `${what}: nothing changed`)
  }
  const edge = await saveLink(o, o.album, (await storedLink(o, o.id))!, { expires: 'custom', expires_date: '2125-01-30' })
  t.equal(edge.statusCode, 303, 'just under 100 years is fine')
})

t.test('an expired link stays listed, marked Expired, and no longer opens', async t => {
  const o = await setup(t)
  const link = (await storedLink(o, o.id))!
  await saveLink(o, o.album, link, { expires: '1d' })
  t.equal((await o.app.inject({ url: `/s/${link.token}` })).statusCode, 303, 'opens while live')
  o.clock.now = new Date('2025-02-01T10:00:00.001Z')
  const row = rowHtml((await ownerGet(o, `/albums/${o.album.uid}/share`)).body, o.id)
  t.match(row, /<li class="link-row expired"/)
  t.match(row, /<span class="tag">Expired<\/span>/)
  t.match(row, /expired 1 February 2025, 10:00 UTC/)
  t.equal((await o.app.inject({ url: `/s/${link.token}` })).statusCode, 404, 'the visitor gets a 404')
  const list = await ownerGet(o, '/moments')
  t.match(list.body, `href="/albums/${o.album.uid}/share" data-share-dialog title="Shared`, 'the card still shows the share icon')
})
