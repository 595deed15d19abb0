import { probeVideo, playsInBrowsers } from '../media/probe.ts'
import { writePosterThumbnails } from '../media/poster.ts'
import type { ToolPaths } from '../media/tools.ts'
import type { Storage } from '../../storage/storage.ts'
import { dateWithoutMetadata, readableName } from './file-names.ts'
import { metadataFields, type PhotoFields } from './read-image.ts'
import type { ScannedFile } from './scan.ts'

/** A video's facts from ffprobe, and its tile and view thumbnails from a poster frame, at once. */
export async function readVideo(
  file: ScannedFile,
  tools: ToolPaths,
  storage: Storage,
  hash: string,
  mime: string
): Promise<PhotoFields> {
  const probing = probeVideo(tools.ffprobe, file.abs, mime)
  const [info] = await Promise.all([
    probing,
    writePosterThumbnails(tools.ffmpeg, file.abs, storage, hash).catch(async (err: unknown) => {
      await probing // ffprobe's reason (no video stream, not a video) tells more than ffmpeg's
      throw err
    })
  ])
  const name = file.rel.split('/').pop() ?? file.rel
  const guess = info.takenAt ? null : dateWithoutMetadata(name, file.mtimeMs)
  return {
    ...metadataFields({
      takenAt: info.takenAt ?? guess?.takenAt ?? null,
      takenAtUtc: info.takenAt ? info.takenAtUtc : (guess?.takenAtUtc ?? null),
      estimated: guess?.estimated ?? false,
      lat: info.lat,
      lng: info.lng,
      camera: info.camera,
      title: info.title ?? readableName(name),
      description: null
    }),
    width: info.width,
    height: info.height,
    media: 'video',
    duration: Number(info.duration.toFixed(3)),
    video_codec: info.videoCodec,
    audio_codec: info.audioCodec,
    playable: playsInBrowsers(info) ? 1 : 0
  }
}

/** The ffprobe/ffmpeg message as a reason a person can read. */
export function describeVideoError(err: unknown): string {
  const message = ((err as Error).message ?? String(err)).split('\n')[0]
  if (/^(not a |video tools unavailable)/.test(message)) return message
  return `not a readable video: ${message}`
}
