import type { Kysely } from 'kysely'

/** Owner sessions are stateless cookies; the epoch lets sign-out and password changes revoke every copy. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('session_epoch', 'integer', c => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('session_epoch').execute()
}
