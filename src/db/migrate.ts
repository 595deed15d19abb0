import { Migrator, type Kysely, type MigrationProvider, type Migration } from 'kysely'
import { migrations } from '../../migrations/index.ts'

export class MigrationError extends Error {}

const provider = (all: Record<string, Migration>): MigrationProvider => ({ getMigrations: async () => all })

/** Brings the database to the latest schema, all pending steps in one transaction. */
export async function migrateToLatest(db: Kysely<any>, all: Record<string, Migration> = migrations): Promise<string[]> {
  const migrator = new Migrator({ db, provider: provider(all) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find(r => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new MigrationError(`Database migration ${failed} failed, nothing was changed: ${(error as Error).message}`)
  }
  return (results ?? []).map(r => r.migrationName)
}
