import { existsSync, statSync } from 'node:fs'
import type { Kysely } from 'kysely'
import { ConfigError, type Config } from '../config.ts'
import { connectDb } from '../db/connect.ts'
import { migrateToLatest } from '../db/migrate.ts'
import type { DB } from '../db/schema.ts'
import { generateDemoLibrary } from './demo/generate.ts'
import { configuredTools } from './library-jobs.ts'

/**
 * Opens the database at the latest schema and makes sure there are photos to index (the demo, when none are
 * configured).
 */
export async function openLibrary(config: Config, log: (line: string) => void): Promise<Kysely<DB>> {
  const db = connectDb(config.database)
  try {
    await migrateToLatest(db)
  } catch (err) {
    await db.destroy()
    throw err
  }
  try {
    if (config.isDemo && !existsSync(config.originals)) {
      const count = await generateDemoLibrary(config.originals, configuredTools(config))
      log(`Created a demo library of ${count} photos and videos in ${config.originals}`)
    }
    if (!statSync(config.originals, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ConfigError(
        `The photo folder ${config.originals} does not exist or is not a folder (ALBUMLINK_ORIGINALS).`
      )
    }
  } catch (err) {
    await db.destroy()
    throw err
  }
  return db
}
