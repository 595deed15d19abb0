export interface ExpiryChoice { value: string, label: string, days?: number, months?: number }

/** What the Expires field offers; "keep" and "custom" are handled apart. */
export const EXPIRY_CHOICES: ExpiryChoice[] = [
  { value: 'never', label: 'Never' },
  { value: '1d', label: 'After 1 day', days: 1 },
  { value: '3d', label: 'After 3 days', days: 3 },
  { value: '1w', label: 'After 1 week', days: 7 },
  { value: '2w', label: 'After 2 weeks', days: 14 },
  { value: '1m', label: 'After 1 month', months: 1 },
  { value: '2m', label: 'After 2 months', months: 2 },
  { value: '1y', label: 'After 1 year', months: 12 },
  { value: 'custom', label: 'On a date…' }
]

const MAX_YEARS = 100
const DAY_MS = 24 * 3600 * 1000
const DATE = /^\d{4}-\d{2}-\d{2}$/

export type ExpiryResult = { ok: true, expiresAt: string | null } | { ok: false, error: string }

/**
 * Turns the form's choice into an absolute time. `keep` leaves the stored
 * value; a custom date means the end of that day (UTC); past dates and dates
 * more than 100 years away are refused.
 */
export function parseExpiry (choice: string, customDate: string | undefined, current: string | null, now: Date): ExpiryResult {
  if (choice === 'keep') return { ok: true, expiresAt: current }
  if (choice === 'never') return { ok: true, expiresAt: null }
  if (choice === 'custom') return customExpiry(customDate?.trim() ?? '', now)
  const preset = EXPIRY_CHOICES.find(c => c.value === choice && (c.days || c.months))
  if (!preset) return { ok: false, error: 'Choose when the link expires.' }
  const at = preset.months ? addMonths(now, preset.months) : new Date(now.getTime() + (preset.days ?? 0) * DAY_MS)
  return { ok: true, expiresAt: at.toISOString() }
}

/** Calendar months, ending on the last day of a shorter month: 31 January + 1 month is 28 February, not 3 March. */
export function addMonths (from: Date, months: number): Date {
  const at = new Date(from)
  at.setUTCDate(1)
  at.setUTCMonth(at.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate()
  at.setUTCDate(Math.min(from.getUTCDate(), lastDay))
  return at
}

function customExpiry (value: string, now: Date): ExpiryResult {
  // Parsing rolls 30 February over into March: only a date that reads back unchanged is a real one.
  const at = DATE.test(value) ? new Date(`${value}T23:59:59.999Z`) : null
  if (!at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
    return { ok: false, error: 'Enter the expiry date as a calendar date (YYYY-MM-DD).' }
  }
  if (at <= now) return { ok: false, error: 'The expiry date is in the past. Choose a later date.' }
  if (at > addMonths(now, 12 * MAX_YEARS)) return { ok: false, error: `The expiry date is more than ${MAX_YEARS} years away. Choose "Never" instead.` }
  return { ok: true, expiresAt: at.toISOString() }
}
