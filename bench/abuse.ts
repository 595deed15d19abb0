import { spawn } from 'node:child_process'
import http, { type IncomingMessage } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeCameraJpegs } from './fixtures.ts'
import { load } from './load.ts'
import { startAlbumlink, shareAndOpen } from './app-under-test.ts'
import { paddedJpegs } from '../test/routes/stream-helpers.ts'
import type { LimitSettings } from '../src/plugins/limits.ts'
import type { Row } from './report.ts'

const MB = 1024 * 1024
const pause = async (ms: number): Promise<void> => {
  await new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * Opens `clients` zip downloads (two per loopback address) that never read; returns the RSS growth of this process (the
 * server runs here).
 */
async function stalledZips(
  clients: number,
  fileMB: number,
  limits?: Partial<LimitSettings>
): Promise<{ growth: number; streaming: number; refused: number }> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-stall-'))
  await paddedJpegs(join(originals, 'big'), 3, fileMB * MB)
  const run = await startAlbumlink(originals, true, limits)
  const responses: IncomingMessage[] = []
  try {
    const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'big')
    global.gc?.()
    const before = process.memoryUsage().rss
    for (let i = 0; i < clients; i++) {
      responses.push(
        await new Promise((resolve, reject) => {
          http
            .get(
              `${albumUrl}/download`,
              { headers: { cookie }, agent: false, localAddress: `127.0.2.${(Math.floor(i / 2) % 250) + 1}` },
              res => {
                res.pause()
                resolve(res)
              }
            )
            .on('error', reject)
        })
      )
    }
    await pause(Math.min(2000, clients * 20))
    const growth = Math.max(0, (process.memoryUsage().rss - before) / MB)
    const streaming = responses.filter(r => r.statusCode === 200).length
    return { growth, streaming, refused: responses.length - streaming }
  } finally {
    for (const r of responses) r.destroy()
    await run.close()
    await rm(originals, { recursive: true, force: true })
  }
}

/** Thumbnail latency with and without 16 clients flooding POST /login from their own process. */
async function thumbsUnderLoginFlood(seconds: number): Promise<{ quiet: number; flooded: number }> {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bench-flood-'))
  await writeCameraJpegs(join(originals, 'trip'), 5, 800, 600)
  const run = await startAlbumlink(originals)
  try {
    const { albumUrl, cookie } = await shareAndOpen(run, 'folder', 'trip')
    const photo = await run.db.selectFrom('photos').select('uid').executeTakeFirstOrThrow()
    const url = `${albumUrl}/${photo.uid}/thumb/tile`
    const quiet = await load(url, { seconds, headers: { cookie } })
    const script = fileURLToPath(new URL('./login-flood.ts', import.meta.url))
    const flood = spawn(process.execPath, ['--import', 'tsx', script, run.origin, '16'], {
      stdio: ['pipe', 'ignore', 'ignore']
    })
    try {
      await pause(Math.min(1500, seconds * 500))
      const flooded = await load(url, { seconds, headers: { cookie } })
      return { quiet: quiet.p99, flooded: flooded.p99 }
    } finally {
      flood.kill()
    }
  } finally {
    await run.close()
    await rm(originals, { recursive: true, force: true })
  }
}

export async function benchAbuse(clients: number, seconds: number, fileMB: number): Promise<Row[]> {
  const capped = await stalledZips(clients, fileMB)
  const uncapped = await stalledZips(clients, fileMB, { zips: clients, zipsPerClient: clients })
  const flood = await thumbsUnderLoginFlood(seconds)
  const ratio = flood.flooded / Math.max(flood.quiet, 1)
  return [
    {
      benchmark: `RSS growth, ${clients} stalled zip clients (default caps), MB`,
      albumlink: capped.growth,
      baseline: null,
      ratio: null,
      goal: '< 100 MB',
      met: capped.growth < 100,
      extra: { streaming: capped.streaming, refused_503: capped.refused }
    },
    {
      benchmark: `RSS growth, ${clients} stalled zips all streaming (caps lifted), MB`,
      albumlink: uncapped.growth,
      baseline: null,
      ratio: null,
      goal: '< 100 MB',
      met: uncapped.growth < 100,
      extra: { streaming: uncapped.streaming, per_zip_KB: (uncapped.growth * 1024) / Math.max(1, uncapped.streaming) }
    },
    {
      benchmark: 'visitor thumbnail p99 while 16 clients flood /login, ms',
      albumlink: flood.flooded,
      baseline: flood.quiet,
      ratio,
      goal: '≤ 2× the p99 without the flood',
      met: ratio <= 2
    }
  ]
}
