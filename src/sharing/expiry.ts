export interface ExpiryChoice {
  value: string
  label: string
  days?: number
  months?: number
}

/** What the Expires field offers; "keep" and "custom" are handled apart. Presets extend the link by their length. */
export const EXPIRY_CHOICES: ExpiryChoice[] = [
  { value: 'never', label: 'Never' },
  { value: '1d', label: '1 day', days: 1 },
  { value: '3d', label: '3 days', days: 3 },
  { value: '1w', label: '1 week', days: 7 },
  { value: '2w', label: '2 weeks', days: 14 },
  { value: '1m', label: '1 month', months: 1 },
  { value: '2m', label: '2 months', months: 2 },
  { value: '1y', label: '1 year', months: 12 },
  { value: 'custom', label: 'On a date…' }
]

const PRESETS = EXPIRY_CHOICES.filter(c => c.days ?? c.months)
const MAX_YEARS = 100
const DAY_MS = 24 * 3600 * 1000
const DATE = /^\d{4}-\d{2}-\d{2}$/

export type ExpiryResult = { ok: true; expiresAt: string | null } | { ok: false; error: string }

/**
 * Turns the form's choice into an absolute time, never by surprise:
 * - `keep` leaves the stored value, `never` removes it;
 * - a preset extends the link: counted from its current expiry, or from now
 *   when that has passed, so it never shortens a link; a link that never
 *   expires keeps never expiring (only a date gives it an end);
 * - `custom` is the end of the typed day (UTC); past dates and dates more
 *   than 100 years away are refused;
 * - a date typed beside another choice is refused with what to choose,
 *   rather than quietly ignored (an unchanged date, the one the form shows
 *   for the current expiry, is not "typed").
 */
export function parseExpiry(
  choice: string,
  customDate: string | undefined,
  current: string | null,
  now: Date
): ExpiryResult {
  const date = customDate?.trim() ?? ''
  if (choice === 'custom') return customExpiry(date, now)
  const known = choice === 'keep' || EXPIRY_CHOICES.some(c => c.value === choice)
  if (!known) return { ok: false, error: 'Choose when the link expires.' }
  if (date !== '' && date !== current?.slice(0, 10)) return { ok: false, error: dateBesideChoice(date, choice) }
  if (choice === 'keep') return { ok: true, expiresAt: current }
  if (choice === 'never') return { ok: true, expiresAt: null }
  const until = extendedExpiry(current, choice, now)
  if (until === null) return { ok: true, expiresAt: null }
  if (until > addMonths(now, 12 * MAX_YEARS)) {
    return { ok: false, error: `That is more than ${MAX_YEARS} years away. Choose "Never" instead.` }
  }
  return { ok: true, expiresAt: until.toISOString() }
}

/**
 * Where a preset takes a link: its length added to the current expiry, or to now once that has passed; null for a link
 * that never expires.
 */
export function extendedExpiry(current: string | null, choice: string, now: Date): Date | null {
  const preset = PRESETS.find(c => c.value === choice)
  if (current === null || !preset) return null
  // Stored times end in Z; one written without a zone is read as UTC too, as the live-link check compares it.
  const stored = Date.parse(/(Z|[+-]\d\d:\d\d)$/i.test(current) ? current : `${current}Z`)
  const from = new Date(Math.max(Number.isNaN(stored) ? 0 : stored, now.getTime()))
  return preset.months ? addMonths(from, preset.months) : new Date(from.getTime() + (preset.days ?? 0) * DAY_MS)
}

export interface Extension {
  value: string
  label: string
  until: string
}

/** The presets a link's form offers, each with the expiry it leads to; none for a link that never expires. */
export function extensionsOf(current: string | null, now: Date, only?: string[]): Extension[] {
  return PRESETS.filter(c => !only || only.includes(c.value)).flatMap(c => {
    const until = extendedExpiry(current, c.value, now)
    return until ? [{ value: c.value, label: c.label, until: until.toISOString() }] : []
  })
}

function dateBesideChoice(date: string, choice: string): string {
  if (choice === 'never') {
    return `You entered the date ${date} but chose "Never". To expire on that date, choose "On a date…"; to keep the link open for good, clear the date.`
  }
  const label =
    choice === 'keep'
      ? 'keep the current expiry'
      : `extend by ${EXPIRY_CHOICES.find(c => c.value === choice)?.label ?? choice}`
  return `You entered the date ${date} but chose to ${label}. To expire on that date, choose "On a date…"; otherwise clear the date.`
}

/** Calendar months, ending on the last day of a shorter month: 31 January + 1 month is 28 February, not 3 March. */
export function addMonths(from: Date, months: number): Date {
  const at = new Date(from)
  at.setUTCDate(1)
  at.setUTCMonth(at.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate()
  at.setUTCDate(Math.min(from.getUTCDate(), lastDay))
  return at
}

function customExpiry(value: string, now: Date): ExpiryResult {
  // Parsing rolls 30 February over into March: only a date that reads back unchanged is a real one.
  const at = DATE.test(value) ? new Date(`${value}T23:59:59.999Z`) : null
  if (!at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
    return { ok: false, error: 'Enter the expiry date as a calendar date (YYYY-MM-DD).' }
  }
  if (at <= now) return { ok: false, error: 'The expiry date is in the past. Choose a later date.' }
  if (at > addMonths(now, 12 * MAX_YEARS)) {
    return { ok: false, error: `The expiry date is more than ${MAX_YEARS} years away. Choose "Never" instead.` }
  }
  return { ok: true, expiresAt: at.toISOString() }
}
