import type { AddressInfo } from 'node:net'
import { ConfigError, type Config } from './config.ts'
import { buildApp } from './app.ts'
import { openLibrary } from './library/open-library.ts'
import { ensureOwner, forgetOwner } from './library/owner-account.ts'
import { IndexState } from './library/index-state.ts'
import { startLibraryJobs } from './library/library-jobs.ts'

/** Open connections (a long download) get this long to finish on shutdown; the whole stop stays under 5 s. */
const DRAIN_MS = 3000
const STOP_MS = 4500

/** Starts albumlink: database, owner account, HTTP server, then the first index in the background. */
export async function startServer(config: Config): Promise<void> {
  const log = (line: string): void => {
    console.log(line)
  }
  const db = await openLibrary(config)
  // The owner exists before the first request can arrive, so the first sign-in can never miss it.
  const generated = await ensureOwner(db, config.password)
  const indexState = new IndexState()
  const app = await buildApp(config, {
    db,
    indexState,
    logger: { level: config.logLevel === 'info' ? 'warn' : config.logLevel }
  })
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (err) {
    await app.close()
    // A generated password nobody saw would lock the owner out: the next start makes a new one.
    if (generated) await forgetOwner(db)
    await db.destroy()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(
        `Cannot listen on ${config.host}:${config.port} (${code}); choose another ALBUMLINK_PORT or ALBUMLINK_HOST.`
      )
    }
    throw err
  }
  const url = config.publicUrl ?? localUrl(config.host, (app.server.address() as AddressInfo).port)
  log(`albumlink is listening on ${url}`)
  if (generated) log(`Owner password (shown once, change it with "npm run passwd"): ${generated}`)

  let closing = false
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return
    closing = true
    log(`${signal}: shutting down`)
    setTimeout(() => {
      app.server.closeAllConnections()
    }, DRAIN_MS).unref()
    setTimeout(() => {
      process.exit(1)
    }, STOP_MS).unref()
    await app.close()
    await db.destroy()
    process.exit(0)
  }
  process.once('SIGTERM', () => {
    void shutdown('SIGTERM')
  })
  process.once('SIGINT', () => {
    void shutdown('SIGINT')
  })

  await startLibraryJobs(db, config, indexState, line => {
    if (!closing) log(line)
  })
}

/** A URL a person can open: wildcard hosts become localhost, IPv6 gets brackets. */
function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${port}`
}
