import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import type { DB } from '../db/schema.ts'
import { progressReporter } from '../util/progress.ts'
import type { IndexState, RenditionProgress } from './index-state.ts'
import { runIndex, type IndexStats } from './indexer/index.ts'
import { ensureDemoAlbums } from './demo/demo-albums.ts'
import { generateDemoLibrary } from './demo/generate.ts'
import { makeRendition, pendingRenditions } from './media/renditions.ts'
import { toolPaths, toolsProblem } from './media/tools.ts'
import { storageFor } from '../storage/open-storage.ts'
import { withJobLock } from './job-lock.ts'

export interface JobHooks {
  onProgress?: (done: number, total: number, file: string) => void
  /** Each rendition started and finished (for a CLI bar). */
  onRendition?: (done: number, total: number, path: string) => void
  log?: (line: string) => void
  /** A periodic rescan: albums are synced only when a file changed. */
  onlyIfChanged?: boolean
}

/** A job on the library: indexing, making renditions, or both in a row. */
type LibraryJob<Result> = (db: Kysely<DB>, config: Config, state: IndexState, hooks?: JobHooks) => Promise<Result>

export const configuredTools = (config: Pick<Config, 'ffmpeg' | 'ffprobe'>) =>
  toolPaths({ ffmpeg: config.ffmpeg, ffprobe: config.ffprobe })

/**
 * One indexing run: new, changed and removed files. Skipped (undefined) when one is going on here or on another
 * instance of the same database. Without a configured photo folder, a missing demo library is written first, as
 * part of the run: a first start listens at once and its list pages say "Indexing photos…" meanwhile.
 */
export const indexLibrary: LibraryJob<IndexStats | undefined> = async (db, config, state, hooks = {}) =>
  await state.track(
    async () =>
      await withJobLock(db, 'index', async () => {
        if (config.isDemo) await writeMissingDemo(config, hooks.log)
        return await runIndex(db, {
          originals: config.originals,
          storage: await storageFor(config),
          tools: configuredTools(config),
          onProgress: hooks.onProgress,
          onlyIfChanged: hooks.onlyIfChanged
        })
      })
  )

async function writeMissingDemo(config: Config, log?: (line: string) => void): Promise<void> {
  if (existsSync(config.originals)) return
  const count = await generateDemoLibrary(config.originals, configuredTools(config))
  log?.(`Created a demo library of ${count} photos and videos in ${config.originals}`)
}

/**
 * Makes the missing browser-playable copies, one at a time (each ffmpeg uses
 * two threads), newest videos first, on one instance at a time. Progress is
 * in state.renditions.
 */
export const makeRenditions: LibraryJob<void> = async (db, config, state, hooks = {}) => {
  if (state.renditions.running) return
  const tools = configuredTools(config)
  if (await toolsProblem(tools)) return
  await withJobLock(db, 'renditions', async () => {
    const storage = await storageFor(config)
    const jobs = await pendingRenditions(db, storage)
    if (jobs.length === 0) return
    const progress: RenditionProgress = { running: true, done: 0, total: jobs.length, failed: 0 }
    state.renditions = progress
    try {
      for (const job of jobs) {
        hooks.onRendition?.(progress.done, progress.total, job.path)
        try {
          await makeRendition(tools.ffmpeg, resolve(config.originals, job.path), storage, job)
        } catch (err) {
          progress.failed++
          hooks.log?.(`Cannot make a playable copy of ${job.path}: ${(err as Error).message}`)
        }
        progress.done++
      }
      hooks.onRendition?.(progress.done, progress.total, '')
    } finally {
      progress.running = false
    }
  })
}

/** Index, then make renditions in the background. */
export const indexThenRender: LibraryJob<IndexStats | undefined> = async (db, config, state, hooks = {}) => {
  const stats = await indexLibrary(db, config, state, hooks)
  makeRenditions(db, config, state, hooks).catch(err =>
    hooks.log?.(`Making playable copies failed: ${(err as Error).message}`)
  )
  return stats
}

/** How often the originals folder is scanned for new, changed and removed files. */
export const RESCAN_INTERVAL_MS = 30_000

/** Rescans every RESCAN_INTERVAL_MS (a scan of unchanged files costs a stat each); returns the stop function. */
export function rescanPeriodically(
  db: Kysely<DB>,
  config: Config,
  state: IndexState,
  hooks: JobHooks = {},
  intervalMs = RESCAN_INTERVAL_MS
): () => void {
  const timer = setInterval(() => {
    indexThenRender(db, config, state, { log: hooks.log, onlyIfChanged: true }).catch(err =>
      hooks.log?.(`Rescan failed: ${(err as Error).message}`)
    )
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
  }
}

/**
 * What the server does with the library once it listens: says once when
 * videos cannot be read, indexes with a progress bar, makes playable copies,
 * then rescans periodically so new files show up without a restart.
 */
export async function startLibraryJobs(
  db: Kysely<DB>,
  config: Config,
  state: IndexState,
  log: (line: string) => void
): Promise<() => void> {
  const progress = progressReporter('Indexing', log)
  // Started before anything is awaited, so the first request already finds the index running.
  indexThenRender(db, config, state, { onProgress: progress.update, log })
    .then(async stats => {
      progress.stop()
      if (stats) {
        log(
          `Indexed ${stats.files} files (${stats.processed} new or changed, ${stats.failed} unreadable) in ${(stats.ms / 1000).toFixed(1)} s`
        )
      }
      if (config.isDemo && (await ensureDemoAlbums(db, config.originals)) > 0) log("Made the demo's manual albums")
    })
    .catch(err => {
      progress.stop()
      log(`Indexing failed: ${(err as Error).message}`)
    })
  const problem = await toolsProblem(configuredTools(config))
  if (problem) log(`Videos will be listed as unreadable: ${problem}`)
  return rescanPeriodically(db, config, state, { log })
}
