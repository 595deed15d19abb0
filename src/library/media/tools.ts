import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'

export interface ToolPaths {
  ffmpeg: string
  ffprobe: string
}

/** Thrown when a child process fails, times out or is missing; the message is fit for the Problems page. */
export class ToolError extends Error {}

/** The binaries inside @ffmpeg-installer / @ffprobe-installer, unless the configuration names others. */
export function toolPaths(overrides: Partial<ToolPaths> = {}): ToolPaths {
  const require = createRequire(import.meta.url)
  const bundled = (pkg: string): string => {
    try {
      return (require(pkg) as { path: string }).path
    } catch {
      return pkg.includes('ffprobe') ? 'ffprobe' : 'ffmpeg'
    }
  }
  return {
    ffmpeg: overrides.ffmpeg ?? bundled('@ffmpeg-installer/ffmpeg'),
    ffprobe: overrides.ffprobe ?? bundled('@ffprobe-installer/ffprobe')
  }
}

export interface RunOptions {
  /** Killed (SIGKILL) past this. */
  timeoutMs: number
  /** Standard output kept at most; more kills the child. */
  maxBytes?: number
  /** Told about each chunk of standard error (ffmpeg's progress lines). */
  onStderr?: (text: string) => void
  signal?: AbortSignal
}

/**
 * Children still running. ffmpeg does not notice its parent going away (a
 * transcode would go on for minutes after the server stopped), so every exit
 * of this process kills them.
 */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Runs a tool with a time limit and bounded output; resolves with its standard output. */
export async function runTool(bin: string, args: string[], options: RunOptions): Promise<Buffer> {
  const name = bin.split('/').pop() ?? bin
  return await new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal })
    running.add(child)
    const chunks: Buffer[] = []
    let size = 0
    let stderr = ''
    let failure: string | null = null
    const kill = (why: string): void => {
      failure ??= why
      child.kill('SIGKILL')
    }
    const timer = setTimeout(() => {
      kill(`${name} took longer than ${Math.round(options.timeoutMs / 1000)} s and was stopped`)
    }, options.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        kill(`${name} wrote more than ${options.maxBytes} bytes`)
      } else chunks.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      options.onStderr?.(text)
      stderr = (stderr + text).slice(-2000)
    })
    child.on('error', err => {
      clearTimeout(timer)
      running.delete(child)
      reject(new ToolError(`cannot run ${name}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      if (failure) return reject(new ToolError(failure))
      // The bundled ffprobe, for one, crashes on every MPEG-TS file (.mts, .m2ts): a system build may read them.
      if (signal) return reject(new ToolError(`${name} crashed on this file (${signal}); a system build may read it`))
      if (code !== 0) return reject(new ToolError(lastLine(stderr) || `${name} exited with code ${String(code)}`))
      resolve(Buffer.concat(chunks))
    })
  })
}

const lastLine = (text: string): string =>
  text
    .trim()
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
    .at(-1) ?? ''

/** Null when both tools run; else why videos cannot be read. Checked once per set of paths. */
const checked = new Map<string, Promise<string | null>>()
export async function toolsProblem(paths: ToolPaths): Promise<string | null> {
  const key = `${paths.ffmpeg}|${paths.ffprobe}`
  let check = checked.get(key)
  if (!check) {
    check = Promise.all(
      [paths.ffprobe, paths.ffmpeg].map(
        async bin => await runTool(bin, ['-version'], { timeoutMs: 10_000, maxBytes: 1_000_000 })
      )
    ).then(
      () => null,
      (err: Error) => `video tools unavailable: ${err.message} (set ALBUMLINK_FFMPEG / ALBUMLINK_FFPROBE)`
    )
    checked.set(key, check)
  }
  return await check
}

export const TOOLS_UNAVAILABLE = 'video tools unavailable'
