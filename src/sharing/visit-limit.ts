import type { LinkGrant } from './grants.ts'

/** The largest limit the form takes; more is "no limit" in all but name. */
export const MAX_VISIT_LIMIT = 1_000_000

export const VISIT_LIMIT_RULE = `Enter the number of visits as a whole number from 1 to ${MAX_VISIT_LIMIT.toLocaleString('en-GB')}, or leave the field empty for no limit.`

export type VisitLimitResult = { ok: true; maxVisits: number | null } | { ok: false; error: string }

/** The form's "Stop after … visits": empty means no limit. */
export function parseVisitLimit(typed: string | undefined): VisitLimitResult {
  const value = (typed ?? '').trim()
  if (value === '') return { ok: true, maxVisits: null }
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN
  return n >= 1 && n <= MAX_VISIT_LIMIT ? { ok: true, maxVisits: n } : { ok: false, error: VISIT_LIMIT_RULE }
}

/**
 * A link with a visit limit turns away sessions it has not counted once it
 * has had that many visits: they get the answer of an expired link.
 * Sessions it counted keep it.
 */
export const limitReached = (link: Pick<LinkGrant, 'maxVisits' | 'visits' | 'admitted'>): boolean =>
  link.maxVisits !== null && !link.admitted && link.visits >= link.maxVisits

/** For the owner's pages: no new visitor gets in any more. */
export const limitSpent = (link: { max_visits: number | null; views: number }): boolean =>
  link.max_visits !== null && link.views >= link.max_visits
