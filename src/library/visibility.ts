import type { ExpressionBuilder } from 'kysely'
import type { DB } from '../db/schema.ts'

/** Who is looking: the owner sees private photos (marked); a visitor never does. */
export type Audience = 'owner' | 'visitor'

/**
 * Photos that exist and could be read: not missing, not broken, not archived, not a Live Photo's clip (its still stands
 * for it).
 */
export function listable(eb: ExpressionBuilder<DB, 'photos'>, audience: Audience) {
  const base = [
    eb('photos.missing', '=', 0),
    eb('photos.error', 'is', null),
    eb('photos.archived', '=', 0),
    eb('photos.companion_of', 'is', null)
  ]
  if (audience === 'visitor') base.push(eb('photos.private', '=', 0))
  return eb.and(base)
}
