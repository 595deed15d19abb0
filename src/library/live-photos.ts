import type { Kysely } from 'kysely'
import type { DB, Photo } from '../db/schema.ts'

/** The moving picture of an item: the video itself, or a Live Photo's motion clip; undefined for a plain still. */
export async function videoClip(db: Kysely<DB>, item: Photo): Promise<Photo | undefined> {
  if (item.media === 'video') return item
  return await db
    .selectFrom('photos')
    .selectAll()
    .where('companion_of', '=', item.id)
    .where('media', '=', 'video')
    .where('error', 'is', null)
    .where('missing', '=', 0)
    .executeTakeFirst()
}

/**
 * The items with each Live Photo's clip right after its still: what a zip
 * holds. The clips are looked up by the stills given, so a still the
 * audience may not see brings no clip either.
 */
export async function withCompanions(db: Kysely<DB>, items: Photo[]): Promise<Photo[]> {
  const stills = items.filter(p => p.media === 'image').map(p => p.id)
  const clips: Photo[] = []
  for (let i = 0; i < stills.length; i += 500) {
    clips.push(
      ...(await db
        .selectFrom('photos')
        .selectAll()
        .where('companion_of', 'in', stills.slice(i, i + 500))
        .where('error', 'is', null)
        .where('missing', '=', 0)
        .execute())
    )
  }
  if (clips.length === 0) return items
  const byStill = new Map(clips.map(c => [c.companion_of, c]))
  return items.flatMap(p => {
    const clip = byStill.get(p.id)
    return clip ? [p, clip] : [p]
  })
}
