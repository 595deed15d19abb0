import { join } from 'node:path'
import { writeClip, type ClipSpec } from './clips.ts'
import { toolsProblem, type ToolPaths } from '../media/tools.ts'

/**
 * Short clips in three trips' folders, dated and placed as a phone would: one H.264 MP4, one HEVC MOV (it gets a
 * rendition), one more MP4.
 */
const DEMO_CLIPS: Array<{ path: string } & ClipSpec> = [
  {
    path: '2024/tuscany/VID_20240611_183000.mp4',
    codec: 'h264',
    seconds: 4,
    audio: true,
    pattern: 'testsrc2',
    createdAt: '2024-06-11T18:30:00+0200',
    location: '+43.7731+011.2560/'
  },
  {
    path: '2025/california/IMG_4711.MOV',
    codec: 'hevc',
    seconds: 4,
    audio: true,
    pattern: 'smptehdbars',
    createdAt: '2025-04-04T11:15:00-0700',
    location: '+37.8024-122.4580/'
  },
  {
    path: '2024/paris/VID_20240906_210000.mp4',
    codec: 'h264',
    seconds: 3,
    pattern: 'rgbtestsrc',
    createdAt: '2024-09-06T21:00:00+0200',
    location: '+48.8584+002.2945/'
  }
]

/** Writes the demo clips when ffmpeg works here; returns how many (0 without ffmpeg: the demo is still whole). */
export async function writeDemoVideos(dir: string, tools: ToolPaths): Promise<number> {
  if (await toolsProblem(tools)) return 0
  for (const { path, ...spec } of DEMO_CLIPS) {
    await writeClip(tools.ffmpeg, join(dir, path), {
      ...spec,
      width: 640,
      height: 360,
      make: 'Albumlink',
      model: 'Demo Camera'
    })
  }
  return DEMO_CLIPS.length
}
