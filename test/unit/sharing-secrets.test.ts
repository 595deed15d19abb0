import t from 'tap'
import { generateSecret, normaliseSecret, normaliseToken, SECRET_RULE } from '../../src/sharing/secrets.ts'

t.test('generated secrets: 128 random bits as 26 lower-case base32 characters', async t => {
  const secrets = Array.from({ length: 2000 }, generateSecret)
  for (const s of secrets.slice(0, 50)) t.match(s, /^[a-z2-7]{26}$/)
  t.equal(new Set(secrets).size, secrets.length, 'no repeats')
  // 16 bytes fill 25 characters and 3 bits of the last one, whose low 2 bits are padding.
  t.ok(
    secrets.every(s => 'aeimquy4'.includes(s[25])),
    'the last character carries 3 bits'
  )
  for (let i = 0; i < 25; i++) {
    t.ok(new Set(secrets.map(s => s[i])).size === 32, `position ${i} uses the whole alphabet`)
  }
  t.ok(
    secrets.every(s => normaliseSecret(s).ok),
    'a generated secret passes the owner rule'
  )
})

t.test('owner-typed secrets are trimmed and lower-cased', async t => {
  const ok: Array<[string, string]> = [
    ['My-Trip-2024', 'my-trip-2024'],
    [' \tsummer-2024\n', 'summer-2024'],
    ['12345678', '12345678'],
    ['--------', '--------'],
    ['A'.repeat(64), 'a'.repeat(64)]
  ]
  for (const [input, secret] of ok) t.same(normaliseSecret(input), { ok: true, secret }, JSON.stringify(input))
})

t.test('anything else is refused with the rule and the reason', async t => {
  const refused: Array<[string, RegExp]> = [
    ['', /too short/],
    ['seven77', /too short/],
    ['  short  ', /too short/],
    ['a'.repeat(65), /too long/],
    ['my trip 2024', /spaces/],
    ['my\u00a0trip\u00a02024', /spaces/],
    ['reise-münchen', /characters other than/],
    ['my-\u212Aey-2024', /characters other than/],
    ['ﬁnal-trip-2024', /characters other than/],
    ['my_trip_2024', /characters other than/],
    ['../../etc/passwd', /characters other than/],
    ['%2e%2e%2fabc', /characters other than/]
  ]
  for (const [input, reason] of refused) {
    const check = normaliseSecret(input)
    t.equal(check.ok, false, JSON.stringify(input))
    if (!check.ok) {
      t.match(check.error, reason)
      t.ok(check.error.endsWith(SECRET_RULE), 'ends with the rule')
    }
  }
})

t.test('tokens in URLs use the same rule', async t => {
  t.equal(normaliseToken('My-Trip-2024'), 'my-trip-2024')
  t.equal(normaliseToken('my trip'), null)
  t.equal(normaliseToken('my-\u212Aey-2024'), null)
})
