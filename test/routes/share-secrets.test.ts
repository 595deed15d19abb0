import t from 'tap'
import { addLink, albumOfKind, allLinks, ownerApp, rowHtml, saveLink, storedLink } from './share-helpers.ts'

t.test('generated secrets are 128-bit lower-case base32 and distinct', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'folder')
  for (let i = 0; i < 5; i++) await addLink(o, album)
  const tokens = (await allLinks(o)).map(l => l.token)
  for (const token of tokens) t.match(token, /^[a-z2-7]{26}$/, '26 base32 characters carry 130 bits')
  t.equal(new Set(tokens).size, tokens.length, 'all different')
})

t.test('owner-typed secrets are normalised or refused with an inline error', async t => {
  const o = await ownerApp(t)
  const album = await albumOfKind(o, 'state')
  const id = await addLink(o, album)
  const sibling = await addLink(o, album)
  await saveLink(o, album, (await storedLink(o, sibling))!, { secret: 'taken-by-sibling' })

  const accepted: Array<[string, string]> = [
    ['My-Trip-2024', 'my-trip-2024'],
    ['  spaced-out-2024 \t', 'spaced-out-2024'],
    ['a'.repeat(64), 'a'.repeat(64)],
    ['exactly8', 'exactly8']
  ]
  for (const [typed, stored] of accepted) {
    const link = (await storedLink(o, id))!
    const res = await saveLink(o, album, link, { secret: typed })
    t.equal(res.statusCode, 303, `"${typed}" saved`)
    t.equal((await storedLink(o, id))!.token, stored, `stored as "${stored}"`)
  }

  const refused: Array<[string, string, RegExp]> = [
    ['too short', 'seven77', /too short\. A secret is 8 to 64 characters/],
    ['65 characters', 'b'.repeat(65), /too long/],
    ['inner spaces', 'my trip 2024', /spaces/],
    ['unicode', 'reise-münchen', /characters other than letters, digits and dashes/],
    ['unicode that lower-cases to ASCII (Kelvin sign)', 'my-\u212Aey-2024', /characters other than/],
    ['other punctuation', 'my_trip/2024', /characters other than/],
    [
      'a secret another link of this album uses',
      'Taken-By-Sibling',
      /Another link of this album already uses this secret/
    ]
  ]
  for (const [what, typed, message] of refused) {
    const before = await storedLink(o, id)
    const res = await saveLink(o, album, before!, { secret: typed, expires: '1w' })
    t.equal(res.statusCode, 400, `${what}: 400`)
    const row = rowHtml(res.body, id)
    t.match(row, /<p id="error-\d+" class="form-error" role="alert">Not saved: /, `${what}: inline error`)
    t.match(row, message, `${what}: says why`)
    t.match(row, /name="secret"[^>]*aria-invalid="true"/, `${what}: field marked invalid`)
    t.match(row, `id="details-${id}">`, `${what}: the row stays open`)
    t.same(await storedLink(o, id), before, `${what}: nothing changed`)
  }
})
