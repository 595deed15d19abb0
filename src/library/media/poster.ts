import { stat } from 'node:fs/promises'
import type { RawImage } from './heic.ts'
import { runTool, ToolError } from './tools.ts'
import { makeThumbnails, thumbKey } from '../indexer/thumbnails.ts'
import type { Storage } from '../../storage/storage.ts'
import { writeFiles } from '../../storage/write-files.ts'
import { asStorage } from '../../storage/folder.ts'

const POSTER_TIMEOUT_MS = 60_000
/** Seconds in: past a fade from black; a shorter clip falls back to its first frame. */
const POSTER_AT = [1, 0]
const NO_FRAME = 'not a playable video: no frame could be decoded'

/** A PAM image (`P7`, RGB) as ffmpeg writes it: a short text header, then the pixels. */
export function parsePam(pam: Buffer): RawImage {
  const end = pam.indexOf('ENDHDR\n')
  const header = end > 0 ? pam.subarray(0, end).toString('latin1') : ''
  const field = (name: string): number => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(header)?.[1] ?? NaN)
  const [width, height, depth] = [field('WIDTH'), field('HEIGHT'), field('DEPTH')]
  const data = pam.subarray(end + 7)
  if (!header.startsWith('P7') || depth !== 3 || !(width > 0 && height > 0) || data.length < width * height * 3) {
    throw new Error(NO_FRAME)
  }
  return { data, width, height, channels: 3 }
}

const input = (at: number, file: string): string[] => [
  '-v',
  'error',
  '-nostdin',
  '-y',
  '-ss',
  at.toFixed(3),
  '-i',
  file,
  '-map_metadata',
  '-1',
  '-an',
  '-sn'
]

/**
 * One frame, upright (ffmpeg applies the rotation), at most 1600 px wide, as
 * raw pixels: for an ffmpeg without a WebP encoder (ALBUMLINK_FFMPEG may name
 * a system build), sharp then makes the thumbnails.
 */
export async function posterFrame(ffmpeg: string, file: string): Promise<RawImage> {
  const grab = async (at: number): Promise<Buffer> =>
    await runTool(
      ffmpeg,
      [
        ...input(at, file),
        '-map',
        '0:v:0',
        '-frames:v',
        '1',
        '-vf',
        "scale='min(1600,iw)':-2",
        '-pix_fmt',
        'rgb24',
        '-f',
        'image2pipe',
        '-c:v',
        'pam',
        'pipe:1'
      ],
      { timeoutMs: POSTER_TIMEOUT_MS, maxBytes: 1600 * 1600 * 4 * 8 }
    )
  const frame = await grab(POSTER_AT[0]).catch(() => Buffer.alloc(0))
  return parsePam(frame.length > 0 ? frame : await grab(POSTER_AT[1]))
}

/**
 * The view fits 1600×1600 and the tile covers 360×360 (as THUMB_SIZES), never enlarged; the tile is made from the view.
 */
const POSTER_FILTER =
  "[0:v:0]scale=w='min(1600,iw)':h='min(1600,ih)':force_original_aspect_ratio=decrease,split[view][t];" +
  "[t]scale=w='min(360,iw)':h='min(360,ih)':force_original_aspect_ratio=increase[tile]"

/** ffmpeg arguments that write one frame of a filter graph's output as a WebP file. */
const webpFrame = (output: string, quality: number, file: string): string[] => [
  '-map',
  output,
  '-frames:v',
  '1',
  '-c:v',
  'libwebp',
  '-quality',
  String(quality),
  '-f',
  'image2',
  file
]

/**
 * The poster's view and tile thumbnails, written by ffmpeg itself in the pass
 * that decodes the frame: handing 4 MB of pixels to sharp to encode the same
 * two WebPs cost a third more time per video. A folder store gets them in
 * place; a bucket gets them from a temporary folder once both are written.
 */
export async function writePosterThumbnails(
  ffmpeg: string,
  file: string,
  store: Storage | string,
  hash: string
): Promise<void> {
  const storage = asStorage(store)
  const written = await writeFiles(
    storage,
    [thumbKey(hash, 'view'), thumbKey(hash, 'tile')],
    async ([view, tile]) => {
      let failure: unknown = new ToolError(NO_FRAME)
      for (const at of POSTER_AT) {
        try {
          await runTool(
            ffmpeg,
            [
              ...input(at, file),
              ...['-filter_complex', POSTER_FILTER],
              ...webpFrame('[view]', 80, view),
              ...webpFrame('[tile]', 75, tile)
            ],
            { timeoutMs: POSTER_TIMEOUT_MS, maxBytes: 0 }
          )
        } catch (err) {
          if (/encoder|libwebp/i.test((err as Error).message)) return false
          failure = err
          continue
        }
        if (await bothWritten([view, tile])) return true
      }
      throw failure
    },
    bothWritten
  )
  // An ffmpeg without a WebP encoder: the frame's pixels go to sharp.
  if (!written) await makeThumbnails(await posterFrame(ffmpeg, file), storage, hash)
}

/** ffmpeg seeking past the end of a short clip succeeds and writes nothing. */
async function bothWritten(paths: string[]): Promise<boolean> {
  const sizes = await Promise.all(
    paths.map(
      async path =>
        await stat(path).then(
          s => s.size,
          () => 0
        )
    )
  )
  return sizes.every(size => size > 0)
}
