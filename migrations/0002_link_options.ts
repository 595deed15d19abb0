import type { Kysely } from 'kysely'

/** Per-link password (scrypt hash; the version revokes unlocks when it changes) and the downloads switch. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('links').addColumn('password_hash', 'text').execute()
  await db.schema
    .alterTable('links')
    .addColumn('password_version', 'integer', c => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('links')
    .addColumn('allow_downloads', 'integer', c => c.notNull().defaultTo(1))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['allow_downloads', 'password_version', 'password_hash']) {
    await db.schema.alterTable('links').dropColumn(column).execute()
  }
}
