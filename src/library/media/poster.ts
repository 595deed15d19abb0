import type { RawImage } from './heic.ts'
import { runTool } from './tools.ts'

const POSTER_TIMEOUT_MS = 60_000

/** A PAM image (`P7`, RGB) as ffmpeg writes it: a short text header, then the pixels. */
export function parsePam (pam: Buffer): RawImage {
  const end = pam.indexOf('ENDHDR\n')
  const header = end > 0 ? pam.subarray(0, end).toString('latin1') : ''
  const field = (name: string): number => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(header)?.[1] ?? NaN)
  const [width, height, depth] = [field('WIDTH'), field('HEIGHT'), field('DEPTH')]
  const data = pam.subarray(end + 7)
  if (!header.startsWith('P7') || depth !== 3 || !(width > 0 && height > 0) || data.length < width * height * 3) {
    throw new Error('not a playable video: no frame could be decoded')
  }
  return { data, width, height, channels: 3 }
}

/**
 * One frame, upright (ffmpeg applies the rotation), at most 1600 px wide, as
 * raw pixels (no JPEG round trip): a second in (past a fade from black), or
 * the first frame of a shorter clip. Needs no ffprobe first, so both can run
 * at once.
 */
export async function posterFrame (ffmpeg: string, file: string): Promise<RawImage> {
  const grab = async (at: number): Promise<Buffer> => await runTool(ffmpeg, [
    '-v', 'error', '-nostdin', '-ss', at.toFixed(3), '-i', file, '-map', '0:v:0', '-frames:v', '1', '-an', '-sn',
    '-vf', "scale='min(1600,iw)':-2", '-pix_fmt', 'rgb24', '-f', 'image2pipe', '-c:v', 'pam', 'pipe:1'
  ], { timeoutMs: POSTER_TIMEOUT_MS, maxBytes: 1600 * 1600 * 4 * 8 })
  const frame = await grab(1).catch(() => Buffer.alloc(0))
  return parsePam(frame.length > 0 ? frame : await grab(0))
}
