import t from 'tap'
import { addMonths, EXPIRY_CHOICES, extensionsOf, parseExpiry } from '../../src/sharing/expiry.ts'

const NOW = new Date('2025-01-31T10:00:00.000Z')
const iso = (s: string): Date => new Date(s)

t.test('keep, never, and every preset extends from the current expiry', async t => {
  const current = '2025-03-01T12:00:00.000Z'
  t.same(parseExpiry('keep', undefined, '2030-01-01T00:00:00.000Z', NOW), {
    ok: true,
    expiresAt: '2030-01-01T00:00:00.000Z'
  })
  t.same(parseExpiry('keep', undefined, null, NOW), { ok: true, expiresAt: null })
  t.same(
    parseExpiry('never', '2030-01-01', '2030-01-01T00:00:00.000Z', NOW),
    { ok: true, expiresAt: null },
    'the date the form shows for the current expiry is not a typed one'
  )
  const fromCurrent: Record<string, string> = {
    '1d': '2025-03-02T12:00:00.000Z',
    '3d': '2025-03-04T12:00:00.000Z',
    '1w': '2025-03-08T12:00:00.000Z',
    '2w': '2025-03-15T12:00:00.000Z',
    '1m': '2025-04-01T12:00:00.000Z',
    '2m': '2025-05-01T12:00:00.000Z',
    '1y': '2026-03-01T12:00:00.000Z'
  }
  const presets = EXPIRY_CHOICES.filter(c => c.days ?? c.months).map(c => c.value)
  t.same(presets, Object.keys(fromCurrent), 'every offered preset is covered')
  for (const [choice, at] of Object.entries(fromCurrent)) {
    t.same(parseExpiry(choice, '', current, NOW), { ok: true, expiresAt: at }, `${choice} from the current expiry`)
    t.ok(Date.parse(at) > Date.parse(current), `${choice} never shortens the link`)
  }
  t.same(
    parseExpiry('1w', '', '2025-01-01T00:00:00.000Z', NOW),
    { ok: true, expiresAt: '2025-02-07T10:00:00.000Z' },
    'an expired link is extended from now'
  )
  t.same(
    parseExpiry('1m', '', '2025-01-31T10:00:00.000Z', NOW),
    { ok: true, expiresAt: '2025-02-28T10:00:00.000Z' },
    'expiring this very moment counts as expired'
  )
  t.same(
    parseExpiry('1w', '', '2025-02-01T00:00:00', NOW),
    { ok: true, expiresAt: '2025-02-08T00:00:00.000Z' },
    'a stored time without a zone is UTC'
  )
  for (const choice of presets) {
    t.same(
      parseExpiry(choice, '', null, NOW),
      { ok: true, expiresAt: null },
      `${choice}: a link that never expires keeps never expiring`
    )
  }
  t.same(parseExpiry('1y', '', '2124-12-31T00:00:00.000Z', NOW), {
    ok: false,
    error: 'That is more than 100 years away. Choose "Never" instead.'
  })
  t.same(parseExpiry('5y', undefined, null, NOW), { ok: false, error: 'Choose when the link expires.' })
  t.same(parseExpiry('', undefined, null, NOW), { ok: false, error: 'Choose when the link expires.' })
})

t.test('a date typed beside another choice is an error that says which to choose', async t => {
  const never = parseExpiry('never', '2025-06-15', null, NOW)
  t.same(never, {
    ok: false,
    error:
      'You entered the date 2025-06-15 but chose "Never". To expire on that date, choose "On a date…"; to keep the link open for good, clear the date.'
  })
  t.match(
    parseExpiry('never', '2025-06-15', '2025-03-01T12:00:00.000Z', NOW),
    { ok: false, error: /but chose "Never"/ },
    'a changed date on a dated link too'
  )
  t.match(parseExpiry('keep', '2025-06-15', '2025-03-01T12:00:00.000Z', NOW), {
    ok: false,
    error: /but chose to keep the current expiry\. To expire on that date, choose "On a date…"/
  })
  t.match(parseExpiry('1w', ' 2025-06-15 ', '2025-03-01T12:00:00.000Z', NOW), {
    ok: false,
    error: /but chose to extend by 1 week/
  })
  t.same(
    parseExpiry('keep', '2025-03-01', '2025-03-01T12:00:00.000Z', NOW),
    { ok: true, expiresAt: '2025-03-01T12:00:00.000Z' },
    'the current date unchanged is no conflict'
  )
  t.same(parseExpiry('never', ' ', null, NOW), { ok: true, expiresAt: null }, 'a blank date is none')
})

t.test('the form offers each extension with the date it leads to, none for a link that never expires', async t => {
  t.same(extensionsOf(null, NOW), [])
  t.same(extensionsOf('2025-03-01T12:00:00.000Z', NOW, ['1w', '1y']), [
    { value: '1w', label: '1 week', until: '2025-03-08T12:00:00.000Z' },
    { value: '1y', label: '1 year', until: '2026-03-01T12:00:00.000Z' }
  ])
  t.equal(
    extensionsOf('2024-01-01T00:00:00.000Z', NOW, ['1d'])[0].until,
    '2025-02-01T10:00:00.000Z',
    'expired: from now'
  )
})

t.test('months are calendar months, ending early in short months', async t => {
  t.same(addMonths(iso('2024-01-31T08:30:00Z'), 1), iso('2024-02-29T08:30:00Z'), 'leap year')
  t.same(addMonths(iso('2024-02-29T00:00:00Z'), 12), iso('2025-02-28T00:00:00Z'))
  t.same(addMonths(iso('2024-12-31T23:59:59.999Z'), 2), iso('2025-02-28T23:59:59.999Z'), 'across a year')
  t.same(addMonths(iso('2024-03-15T12:00:00Z'), 1), iso('2024-04-15T12:00:00Z'))
  t.same(addMonths(iso('2024-03-31T12:00:00Z'), 1200), iso('2124-03-31T12:00:00Z'))
})

t.test('a custom date is the end of that day in UTC', async t => {
  // The date typed, the expiry it gives, what the case shows, and when it is typed (NOW unless given).
  const cases: Array<[string, string, string, Date?]> = [
    ['2025-06-15', '2025-06-15T23:59:59.999Z', 'a date ahead'],
    [' 2025-06-15 ', '2025-06-15T23:59:59.999Z', 'trimmed'],
    ['2025-01-31', '2025-01-31T23:59:59.999Z', 'today is still ahead'],
    ['2024-02-29', '2024-02-29T23:59:59.999Z', 'a leap day', iso('2024-01-01T00:00:00Z')],
    ['2125-01-30', '2125-01-30T23:59:59.999Z', 'just under 100 years']
  ]
  for (const [typed, expiresAt, what, now = NOW] of cases) {
    t.same(parseExpiry('custom', typed, null, now), { ok: true, expiresAt }, what)
  }
})

t.test('bad custom dates are refused with a reason', async t => {
  const malformed = [
    '2024-02-30',
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    'tomorrow',
    '2025-6-1',
    '15.06.2025',
    '2025-06-15T10:00',
    '',
    undefined
  ]
  for (const date of malformed) {
    t.same(
      parseExpiry('custom', date, null, NOW),
      { ok: false, error: 'Enter the expiry date as a calendar date (YYYY-MM-DD).' },
      String(date)
    )
  }
  for (const date of ['2025-01-30', '1999-12-31', '0050-01-01']) {
    t.match(parseExpiry('custom', date, null, NOW), { ok: false, error: /in the past/ }, date)
  }
  for (const date of ['2125-02-01', '9999-12-31']) {
    t.match(parseExpiry('custom', date, null, NOW), { ok: false, error: /more than 100 years/ }, date)
  }
})
