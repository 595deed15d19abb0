import { runTool } from '../media/tools.ts'

export interface ClipSpec {
  codec: 'h264' | 'hevc' | 'vp8'
  seconds: number
  width?: number
  height?: number
  /**
   * Apple style, with offset (`2019-06-12T10:15:00+0200`), written as com.apple.quicktime.creationdate; or UTC (`…Z`)
   * as creation_time.
   */
  createdAt?: string
  /** ISO 6709, e.g. `+43.7696+011.2558/`. */
  location?: string
  /** A tone as the sound track (AAC, or Vorbis in WebM). */
  audio?: boolean
  /** ffmpeg's test pattern to draw (testsrc, smptebars, rgbtestsrc…). */
  pattern?: string
  /** Make and model, as phones write them. */
  make?: string
  model?: string
}

const CODEC_ARGS: Record<ClipSpec['codec'], string[]> = {
  h264: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
  hevc: [
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-tag:v',
    'hvc1',
    '-pix_fmt',
    'yuv420p'
  ],
  vp8: ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '600k']
}

/**
 * A short synthetic video made with ffmpeg (demo library, tests, benchmarks), with date and place as phones write them.
 */
export async function writeClip(ffmpeg: string, out: string, spec: ClipSpec): Promise<void> {
  const size = `${spec.width ?? 640}x${spec.height ?? 360}`
  const inputs = ['-f', 'lavfi', '-i', `${spec.pattern ?? 'testsrc'}=size=${size}:rate=25:duration=${spec.seconds}`]
  if (spec.audio) inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${spec.seconds}`)
  const apple = spec.createdAt && !spec.createdAt.endsWith('Z')
  const metadata: string[] = ['-movflags', 'use_metadata_tags']
  if (spec.createdAt) {
    metadata.push('-metadata', `${apple ? 'com.apple.quicktime.creationdate' : 'creation_time'}=${spec.createdAt}`)
  }
  if (spec.location) {
    metadata.push('-metadata', `${apple ? 'com.apple.quicktime.location.ISO6709' : 'location'}=${spec.location}`)
  }
  if (spec.make) metadata.push('-metadata', `com.apple.quicktime.make=${spec.make}`)
  if (spec.model) metadata.push('-metadata', `com.apple.quicktime.model=${spec.model}`)
  const audio = spec.audio ? (spec.codec === 'vp8' ? ['-c:a', 'libvorbis'] : ['-c:a', 'aac']) : []
  await runTool(
    ffmpeg,
    [
      '-v',
      'error',
      '-nostdin',
      '-y',
      ...inputs,
      ...CODEC_ARGS[spec.codec],
      ...audio,
      '-shortest',
      ...(spec.codec === 'vp8' ? [] : metadata),
      out
    ],
    { timeoutMs: 120_000, maxBytes: 1_000_000 }
  )
}
