import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { kindOfMime } from '../media/formats.ts'
import type { ScannedFile } from './scan.ts'

/** A Live Photo's motion clip runs about three seconds; a longer video beside a still is a video of its own. */
export const LIVE_CLIP_MAX_SECONDS = 10

export interface Pairing {
  /** What to index: RAW files with a JPEG (or other still) twin are left out, the twin shows them. */
  files: ScannedFile[]
  /** Still and video with the same base name in one folder (IMG_1234.HEIC + IMG_1234.MOV). */
  live: Array<{ still: string; video: string }>
}

const groupKey = (rel: string): string => rel.replace(/\.[^./]+$/, '').toLowerCase()

export function pairFiles(files: ScannedFile[]): Pairing {
  const groups = new Map<string, ScannedFile[]>()
  for (const f of files) groups.set(groupKey(f.rel), [...(groups.get(groupKey(f.rel)) ?? []), f])
  const skip = new Set<string>()
  const live: Pairing['live'] = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const still = group.find(f => kindOfMime(f.mime) === 'image')
    if (!still) continue
    for (const f of group) if (kindOfMime(f.mime) === 'raw') skip.add(f.rel)
    const video = group.find(f => kindOfMime(f.mime) === 'video')
    if (video) live.push({ still: still.rel, video: video.rel })
  }
  return { files: files.filter(f => !skip.has(f.rel)), live }
}

/**
 * Marks each pair's short clip as the companion of its still (so it is not
 * listed on its own) and releases clips that are no longer paired.
 */
export async function linkCompanions(db: Kysely<DB>, live: Pairing['live']): Promise<number> {
  const paths = [...live.flatMap(p => [p.still, p.video])]
  const rows =
    paths.length === 0
      ? []
      : await db
          .selectFrom('photos')
          .select(['id', 'path', 'media', 'duration', 'error', 'companion_of'])
          .where('path', 'in', paths)
          .execute()
  const byPath = new Map(rows.map(r => [r.path, r]))
  const wanted = new Map<number, number>()
  for (const pair of live) {
    const still = byPath.get(pair.still)
    const video = byPath.get(pair.video)
    if (
      !still ||
      !video ||
      still.error !== null ||
      still.media !== 'image' ||
      video.error !== null ||
      video.media !== 'video'
    ) {
      continue
    }
    if ((video.duration ?? Infinity) > LIVE_CLIP_MAX_SECONDS) continue
    wanted.set(video.id, still.id)
  }
  const linked = await db
    .selectFrom('photos')
    .select(['id', 'companion_of'])
    .where('companion_of', 'is not', null)
    .execute()
  const current = new Map(linked.map(r => [r.id, r.companion_of]))
  const release = linked.filter(r => !wanted.has(r.id)).map(r => r.id)
  for (let i = 0; i < release.length; i += 500) {
    await db
      .updateTable('photos')
      .set({ companion_of: null })
      .where('id', 'in', release.slice(i, i + 500))
      .execute()
  }
  for (const [videoId, stillId] of wanted) {
    if (current.get(videoId) !== stillId) {
      await db.updateTable('photos').set({ companion_of: stillId }).where('id', '=', videoId).execute()
    }
  }
  return wanted.size
}
