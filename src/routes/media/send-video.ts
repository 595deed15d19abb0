import type { FastifyReply } from 'fastify'
import type { Photo } from '../../db/schema.ts'
import type { Storage } from '../../storage/storage.ts'
import { notFound } from '../../plugins/errors.ts'
import { renditionKey } from '../../library/media/renditions.ts'
import { playbackType } from '../../library/media/playback.ts'
import { sendOriginal } from './send-image.ts'
import { sendStored } from './send-stored.ts'

/**
 * A video as browsers play it, with Range: the original when its codecs play
 * everywhere (from the originals folder), else its H.264 rendition (from the
 * store, or a redirect to it). The one 404 while the rendition is not made
 * yet (the page shows "Preparing video…").
 */
export async function sendVideo(
  reply: FastifyReply,
  originals: string,
  storage: Storage,
  clip: Photo
): Promise<FastifyReply> {
  if (clip.playable) {
    return await sendOriginal(reply, originals, { path: clip.path, mime: playbackType(clip) }, false)
  }
  if (!clip.hash) throw notFound()
  return await sendStored(reply, storage, renditionKey(clip.hash), 'video/mp4')
}
