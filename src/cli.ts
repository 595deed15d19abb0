import { join } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { loadConfig, ConfigError } from './config.ts'
import { MigrationError } from './db/migrate.ts'
import { startServer } from './server.ts'
import { openLibrary } from './library/open-library.ts'
import { IndexState } from './library/index-state.ts'
import { configuredTools, indexLibrary, makeRenditions } from './library/library-jobs.ts'
import { listProblems } from './library/problems.ts'
import { generateDemoLibrary } from './library/demo/generate.ts'
import { setOwnerPassword, generatePassword } from './library/owner-account.ts'
import { progressReporter } from './util/progress.ts'

const USAGE = `Usage: albumlink <command>

  serve    start the web server (indexes the photo folder in the background)
  index    index the photo folder now, with a progress bar
  demo     regenerate the demo library in <data>/demo-originals
  passwd   change the owner password (reads it from ALBUMLINK_PASSWORD or asks)`

const log = (line: string): void => {
  console.log(line)
}

async function indexCommand(): Promise<void> {
  const config = loadConfig()
  const db = await openLibrary(config)
  const state = new IndexState()
  const progress = progressReporter('Indexing', log)
  const stats = await indexLibrary(db, config, state, { onProgress: progress.update, log })
  progress.stop()
  if (!stats) log('Another albumlink instance is indexing this library now; its progress is in /healthz.')
  else {
    log(
      `Indexed ${stats.files} files in ${(stats.ms / 1000).toFixed(1)} s: ${stats.processed} new or changed, ${stats.unchanged} unchanged, ${stats.failed} unreadable, ${stats.missing} gone missing`
    )
  }
  const videos = progressReporter('Making playable videos', log)
  await makeRenditions(db, config, state, { onRendition: videos.update, log })
  videos.stop()
  const problems = await listProblems(db)
  if (problems.length > 0) {
    log(`Unreadable files (${problems.length}):\n${problems.map(p => `  ${p.path} — ${p.error}`).join('\n')}`)
  }
  await db.destroy()
}

async function demoCommand(): Promise<void> {
  const config = loadConfig()
  // Always the data folder's demo, never ALBUMLINK_ORIGINALS: regenerating replaces the folder.
  const dir = join(config.dataDir, 'demo-originals')
  const count = await generateDemoLibrary(dir, configuredTools(config))
  log(
    `Wrote ${count} demo photos and videos to ${dir}; ${config.isDemo ? 'run "npm run index" or restart to index them' : 'unset ALBUMLINK_ORIGINALS to use them'}.`
  )
}

async function passwdCommand(): Promise<void> {
  const config = loadConfig()
  const db = await openLibrary(config)
  let password = config.password
  if (!password && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout })
    password = (await rl.question('New owner password (empty: generate one): ')).trim() || undefined
    rl.close()
  }
  const chosen = password ?? generatePassword()
  if (chosen.length < 8) throw new ConfigError('The password must have at least 8 characters.')
  await setOwnerPassword(db, chosen)
  log(password ? 'Owner password changed.' : `Owner password changed to: ${chosen}`)
  await db.destroy()
}

const COMMANDS: Record<string, () => Promise<void>> = {
  serve: async () => {
    await startServer(loadConfig())
  },
  index: indexCommand,
  demo: demoCommand,
  passwd: passwdCommand
}

const command = COMMANDS[process.argv[2] ?? 'serve']
if (!command) {
  console.error(USAGE)
  process.exit(2)
}
command().catch(err => {
  const known = err instanceof ConfigError || err instanceof MigrationError
  console.error(known ? err.message : `albumlink failed: ${(err as Error).stack ?? String(err)}`)
  process.exit(1)
})
