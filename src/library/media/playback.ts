import type { Kysely } from 'kysely'
import type { DB, Photo } from '../../db/schema.ts'
import type { Storage } from '../../storage/storage.ts'
import { videoClip } from '../live-photos.ts'
import { renditionFailure, renditionReady } from './renditions.ts'

/** What a photo page shows to play an item: nothing (a still), a video, or a Live Photo's clip. */
export interface Playback {
  /** A Live Photo: the still stays the picture, the clip plays on demand. */
  live: boolean
  /** Playable now: the original plays in browsers, or its rendition is made. */
  ready: boolean
  /** Why it will not become playable (its rendition failed). */
  failed: string | null
  /** The type it is served as: `video/mp4` (also MOV, 3GP and every rendition) or `video/webm`. */
  type: string
}

/** The type browsers play an original under: MOV and 3GP are MP4 inside, Matroska with VP8/VP9/AV1 is WebM. */
export function playbackType(clip: Pick<Photo, 'mime'>): string {
  return clip.mime === 'video/webm' || clip.mime === 'video/x-matroska' ? 'video/webm' : 'video/mp4'
}

export async function playbackOf(db: Kysely<DB>, storage: Storage, item: Photo): Promise<Playback | null> {
  return await playbackOfClip(storage, item, await videoClip(db, item))
}

/** The playback of `item` given its clip (itself, its Live Photo motion, or none); reads no database. */
export async function playbackOfClip(
  storage: Storage,
  item: Photo,
  clip: Photo | undefined | null
): Promise<Playback | null> {
  if (!clip) return null
  const ready = clip.playable === 1 || (clip.hash !== null && (await renditionReady(storage, clip.hash)))
  return {
    live: clip.id !== item.id,
    ready,
    failed: ready || !clip.hash ? null : await renditionFailure(storage, clip.hash),
    type: clip.playable === 1 ? playbackType(clip) : 'video/mp4'
  }
}
