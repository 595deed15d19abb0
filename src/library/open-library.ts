import { statSync } from 'node:fs'
import type { Kysely } from 'kysely'
import { ConfigError, type Config } from '../config.ts'
import { connectDb } from '../db/connect.ts'
import { migrateToLatest } from '../db/migrate.ts'
import type { DB } from '../db/schema.ts'

/**
 * Opens the database at the latest schema and checks the photo folder. The demo's folder may not exist yet: the
 * first index writes it (see `indexLibrary`), so a first start listens without waiting for it.
 */
export async function openLibrary(config: Config): Promise<Kysely<DB>> {
  const db = connectDb(config.database)
  try {
    await migrateToLatest(db)
    if (!config.isDemo && !statSync(config.originals, { throwIfNoEntry: false })?.isDirectory()) {
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
