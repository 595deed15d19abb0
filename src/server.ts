import type { AddressInfo } from 'node:net'
import { ConfigError, type Config } from './config.ts'
import { buildApp } from './app.ts'
import { openLibrary } from './library/open-library.ts'
import { ensureOwner } from './library/owner-account.ts'
import { IndexState } from './library/index-state.ts'
import { startLibraryJobs } from './library/library-jobs.ts'

/** Starts albumlink: database, owner account, HTTP server, then the first index in the background. */
export async function startServer (config: Config): Promise<void> {
  const log = (line: string): void => { console.log(line) }
  const db = await openLibrary(config, log)
  const indexState = new IndexState()
  const app = await buildApp(config, { db, indexState, logger: { level: config.logLevel === 'info' ? 'warn' : config.logLevel } })
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (err) {
    await app.close()
    await db.destroy()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(`Cannot listen on ${config.host}:${config.port} (${code}); choose another ALBUMLINK_PORT or ALBUMLINK_HOST.`)
    }
    throw err
  }
  const url = config.publicUrl ?? localUrl(config.host, (app.server.address() as AddressInfo).port)
  log(`albumlink is listening on ${url}`)
  // Only once listening: a generated password must not be lost to a failed start.
  const password = await ensureOwner(db, config.password)
  if (password) log(`Owner password (shown once, change it with "npm run passwd"): ${password}`)

  let closing = false
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return
    closing = true
    log(`${signal}: shutting down`)
    await app.close()
    await db.destroy()
    process.exit(0)
  }
  process.once('SIGTERM', () => { void shutdown('SIGTERM') })
  process.once('SIGINT', () => { void shutdown('SIGINT') })

  await startLibraryJobs(db, config, indexState, log)
}

/** A URL a person can open: wildcard hosts become localhost, IPv6 gets brackets. */
function localUrl (host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${port}`
}
