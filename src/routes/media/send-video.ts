import type { FastifyReply } from 'fastify'
import type { Config } from '../../config.ts'
import type { Photo } from '../../db/schema.ts'
import { notFound } from '../../plugins/errors.ts'
import { renditionPath, renditionReady } from '../../library/media/renditions.ts'
import { playbackType } from '../../library/media/playback.ts'
import { sendOriginal } from './send-image.ts'

/**
 * A video as browsers play it, with Range: the original when its codecs play
 * everywhere, else its H.264 rendition. The one 404 while the rendition is
 * not made yet (the page shows "Preparing video…").
 */
export async function sendVideo(
  reply: FastifyReply,
  config: Pick<Config, 'originals' | 'thumbsDir'>,
  clip: Photo
): Promise<FastifyReply> {
  if (clip.playable) {
    return await sendOriginal(reply, config.originals, { path: clip.path, mime: playbackType(clip) }, false)
  }
  if (!clip.hash || !(await renditionReady(config.thumbsDir, clip.hash))) throw notFound()
  return await sendOriginal(reply, config.thumbsDir, { path: renditionPath('', clip.hash), mime: 'video/mp4' }, false)
}
