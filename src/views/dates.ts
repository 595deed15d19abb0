const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthOnlyFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' })
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** `2024-07-03…` as a UTC instant, or null when it is not a date; setUTCFullYear keeps years below 100 as they are. */
function utcDay(isoDate: string): Date | null {
  const [year, month, day = 1] = isoDate.split('-').map(Number)
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return Number.isNaN(date.getTime()) ? null : date
}

/** `2024-07` → `July 2024` */
export function monthTitle(yearMonth: string): string {
  const date = utcDay(yearMonth)
  return date ? monthFormat.format(date) : yearMonth
}

/** `2024-07-03T10:00:00` → `3 July 2024` */
export function dayTitle(takenAt: string | null): string {
  const date = takenAt ? utcDay(takenAt.slice(0, 10)) : null
  return date ? dayFormat.format(date) : 'Unknown date'
}

export function dateTimeTitle(takenAt: string | null): string {
  if (!takenAt) return 'Unknown date'
  return `${dayTitle(takenAt)}, ${takenAt.slice(11, 16)}`
}

/** A short human range: `3 – 9 July 2024`, `July 2024 – March 2025`. */
export function rangeTitle(first: string | null, last: string | null): string {
  if (!first || !last) return ''
  const a = dayTitle(first)
  const b = dayTitle(last)
  if (a === b) return a
  if (first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8, 10))} – ${b}`
  return `${a} – ${b}`
}

/**
 * Months only, for a line that must stay short (link previews): `June 2019`, `June – August 2019`, `December 2018 –
 * March 2019`.
 */
export function monthRangeTitle(first: string | null, last: string | null): string {
  const a = first ? utcDay(first.slice(0, 7)) : null
  const b = last ? utcDay(last.slice(0, 7)) : null
  if (!a || !b) return ''
  if (first?.slice(0, 7) === last?.slice(0, 7)) return monthFormat.format(b)
  if (first?.slice(0, 4) === last?.slice(0, 4)) return `${monthOnlyFormat.format(a)} – ${monthFormat.format(b)}`
  return `${monthFormat.format(a)} – ${monthFormat.format(b)}`
}

/** First instant of the month after `2024-07` as a local date string `2024-08-01`. */
export function nextMonthStart(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number)
  const next = m === 12 ? [y + 1, 1] : [y, m + 1]
  return `${next[0]}-${String(next[1]).padStart(2, '0')}-01`
}
