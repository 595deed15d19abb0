import t from 'tap'
import { ownerPost } from '../helper.ts'
import { addLink, albumOfKind, ownerApp, ownerGet, storedLink } from './share-helpers.ts'

const NOW = '2025-01-31T10:00:00.000Z'

t.test('Extend on /links never shortens a link', async t => {
  const o = await ownerApp(t)
  o.clock.now = new Date(NOW)
  const album = await albumOfKind(o, 'state')
  const [live, expired, never] = [await addLink(o, album), await addLink(o, album), await addLink(o, album)]
  await o.db.updateTable('links').set({ expires_at: '2025-02-10T12:00:00.000Z' }).where('id', '=', live).execute()
  await o.db.updateTable('links').set({ expires_at: '2025-01-01T00:00:00.000Z' }).where('id', '=', expired).execute()
  const extend = async (id: number, expires: string) => {
    t.equal(
      (await ownerPost(o.app, o.session, `/links/${id}/extend`, { expires })).statusCode,
      303,
      `extend ${id} by ${expires}`
    )
    return (await storedLink(o, id))!.expires_at
  }

  const page = (await ownerGet(o, '/links')).body
  t.match(page, `<option value="1w">1 week (until 17 February 2025)</option>`, 'each choice says where it leads')
  t.match(page, `<option value="1m">1 month (until 28 February 2025)</option>`, 'an expired link counts from now')
  t.match(page, `action="/links/${live}/extend"`)
  t.notMatch(page, `action="/links/${never}/extend"`, 'a link that never expires has nothing to extend')

  t.equal(await extend(live, '1w'), '2025-02-17T12:00:00.000Z', 'a week after the current expiry, not after now')
  t.equal(await extend(live, '1m'), '2025-03-17T12:00:00.000Z', 'and again from there')
  t.equal(await extend(expired, '1w'), '2025-02-07T10:00:00.000Z', 'an expired link: a week from now')
  t.equal(await extend(never, '1y'), null, 'a link that never expires keeps never expiring')
  t.equal(await extend(live, 'never'), null, '"No expiry" removes the end')
})
