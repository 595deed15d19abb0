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
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

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
  const at = new Date(now)
  if (preset.days) at.setUTCDate(at.getUTCDate() + preset.days)
  if (preset.months) at.setUTCMonth(at.getUTCMonth() + preset.months)
  return { ok: true, expiresAt: at.toISOString() }
}

function customExpiry (value: string, now: Date): ExpiryResult {
  const m = DATE.exec(value)
  const at = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999)) : null
  if (!m || !at || at.getUTCDate() !== Number(m[3])) return { ok: false, error: 'Enter the expiry date as a calendar date (YYYY-MM-DD).' }
  if (at <= now) return { ok: false, error: 'The expiry date is in the past. Choose a later date.' }
  const limit = new Date(now)
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS)
  if (at > limit) return { ok: false, error: `The expiry date is more than ${MAX_YEARS} years away. Choose "Never" instead.` }
  return { ok: true, expiresAt: at.toISOString() }
}
