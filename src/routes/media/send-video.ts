import type { FastifyReply } from 'fastify'
import type { Config } from '../../config.ts'
import type { Kysely } from 'kysely'
import type { DB, Photo } from '../../db/schema.ts'
import { renditionPath, renditionReady } from '../../library/media/renditions.ts'
import { playbackOf, playbackType, type Playback } from '../../library/media/playback.ts'
import { sendOriginal } from './send-image.ts'

/**
 * A video as browsers play it, with Range: the original when its codecs play
 * everywhere, else its H.264 rendition. Answers notFound() while the
 * rendition is not made yet (the page shows "Preparing video…").
 */
export async function sendVideo (reply: FastifyReply, config: Pick<Config, 'originals' | 'thumbsDir'>, clip: Photo, notFound: () => Promise<unknown>): Promise<unknown> {
  if (clip.playable) return await sendOriginal(reply, config.originals, { path: clip.path, mime: playbackType(clip) }, false)
  if (!clip.hash || !await renditionReady(config.thumbsDir, clip.hash)) return await notFound()
  return await sendOriginal(reply, config.thumbsDir, { path: renditionPath('', clip.hash), mime: 'video/mp4' }, false)
}

/** What the photo page templates need to play an item (media-stage.eta). */
export async function playbackView (db: Kysely<DB>, thumbsDir: string, item: Photo): Promise<{ playback: Playback | null }> {
  return { playback: await playbackOf(db, thumbsDir, item) }
}
