import { runTool } from './tools.ts'

const POSTER_TIMEOUT_MS = 60_000

/**
 * One frame as a JPEG, upright (ffmpeg applies the rotation), at most 1600
 * px wide: a second in, or a third of the way into a shorter clip; the first
 * frame when that finds none.
 */
export async function posterFrame (ffmpeg: string, file: string, duration: number): Promise<Buffer> {
  const grab = async (at: number): Promise<Buffer> => await runTool(ffmpeg, [
    '-v', 'error', '-nostdin', '-ss', at.toFixed(3), '-i', file, '-map', '0:v:0', '-frames:v', '1', '-an', '-sn',
    '-vf', "scale='min(1600,iw)':-2", '-q:v', '3', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1'
  ], { timeoutMs: POSTER_TIMEOUT_MS, maxBytes: 30_000_000 })
  const at = Math.min(1, duration / 3)
  const frame = at > 0 ? await grab(at).catch(() => Buffer.alloc(0)) : Buffer.alloc(0)
  if (frame.length > 0) return frame
  const first = await grab(0)
  if (first.length === 0) throw new Error('not a playable video: no frame could be decoded')
  return first
}
