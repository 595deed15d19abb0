import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeClip } from '../src/library/demo/clips.ts'
import type { ToolPaths } from '../src/library/media/tools.ts'

const HEIC_FIXTURES = new URL('../test/fixtures/heic/', import.meta.url).pathname

/**
 * `count` HEIC/HEIF files: the real phone files of test/fixtures/heic, copied round-robin (each copy is indexed as a
 * file of its own).
 */
export async function copyHeicFiles(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const sources = (await readdir(HEIC_FIXTURES)).filter(f => /\.hei[cf]$/i.test(f)).sort()
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]
    const file = join(dir, `${String(i).padStart(3, '0')}-${source}`)
    await copyFile(join(HEIC_FIXTURES, source), file)
    files.push(file)
  }
  return files
}

/** `count` videos of `seconds` each at width×height, H.264/AAC MP4 (or HEVC MOV), dated. */
export async function writeVideos(
  tools: ToolPaths,
  dir: string,
  count: number,
  seconds: number,
  size: { width: number; height: number },
  codec: 'h264' | 'hevc' = 'h264'
): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const file = join(dir, `clip-${String(i).padStart(3, '0')}.${codec === 'hevc' ? 'mov' : 'mp4'}`)
    await writeClip(tools.ffmpeg, file, {
      codec,
      seconds,
      ...size,
      audio: true,
      pattern: i % 2 === 0 ? 'testsrc2' : 'smptehdbars',
      createdAt: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`
    })
    files.push(file)
  }
  return files
}
