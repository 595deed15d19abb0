import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { medianBy } from './timing.ts'
import type { Row } from './report.ts'

const run = promisify(execFile)
const CLI = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js')

export interface LoadResult {
  rps: number
  p50: number
  p97_5: number
  p99: number
  errors: number
  non2xx: number
}

/**
 * autocannon in its own process, so the load generator and the server under
 * test each get a core instead of sharing one event loop.
 */
export async function load(
  url: string,
  options: { seconds: number; connections?: number; headers?: Record<string, string> }
): Promise<LoadResult> {
  const args = [CLI, '-j', '-c', String(options.connections ?? 10), '-d', String(options.seconds)]
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`)
  args.push(url)
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 24 })
  const result = JSON.parse(stdout)
  const out = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx
  }
  if (out.errors > 0 || out.non2xx > 0) {
    throw new Error(`load on ${url} had ${out.errors} errors and ${out.non2xx} non-2xx answers`)
  }
  return out
}

export interface Target {
  url: string
  headers?: Record<string, string>
}

interface Turns {
  a: LoadResult
  b: LoadResult
  ratio: number
}

/**
 * Two servers loaded in turns (a, b, a, b, …), `rounds` times: the round with the median ratio a/b. One pair of
 * ten-second loads on this shared 2-core machine read anywhere from 0.73× to 0.93× for the same code.
 */
export async function compareInTurns(
  a: Target,
  b: Target,
  options: { seconds: number; rounds: number }
): Promise<Turns> {
  const results: Turns[] = []
  for (let round = 0; round < options.rounds; round++) {
    const onA = await load(a.url, { seconds: options.seconds, headers: a.headers })
    const onB = await load(b.url, { seconds: options.seconds, headers: b.headers })
    results.push({ a: onA, b: onB, ratio: onA.rps / onB.rps })
  }
  return medianBy(results, r => r.ratio)
}

/** A row of `compareInTurns`: albumlink is `a`, the baseline `b`, met at `least` times the baseline's req/s. */
export const rowOfTurns = (benchmark: string, turns: Turns, least: number, of: string): Row => ({
  benchmark,
  albumlink: turns.a.rps,
  baseline: turns.b.rps,
  ratio: turns.ratio,
  goal: `≥ ${least}× of ${of}`,
  met: turns.ratio >= least,
  extra: { p99_ms: turns.a.p99 }
})
