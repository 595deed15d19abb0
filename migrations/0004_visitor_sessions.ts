import type { Kysely } from 'kysely'

/**
 * Visitor sessions ended with the power icon. The cookie itself cannot be
 * taken back, so its id is kept here until the cookie would have expired
 * anyway; a saved copy then answers like an unknown link.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ended_visitor_sessions')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('expires_at', 'text', c => c.notNull())
    .execute()
  await db.schema
    .createIndex('ended_visitor_sessions_expires_at')
    .on('ended_visitor_sessions')
    .column('expires_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ended_visitor_sessions').execute()
}
