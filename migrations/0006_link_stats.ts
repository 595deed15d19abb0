import type { Kysely } from 'kysely'

/**
 * Link statistics and the visit limit. `views` (since 0001) stays the count
 * of visits, one per visitor session; beside it photo views, single and zip
 * downloads and the last visit. `max_visits` stops a link for new visitors
 * once that many sessions have come in. `link_visitors` remembers which
 * sessions were counted on which link, until their cookie would expire, so
 * a counted visitor keeps the link when the limit is reached.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('links').addColumn('max_visits', 'integer').execute()
  for (const column of ['photo_views', 'downloads', 'zip_downloads']) {
    await db.schema
      .alterTable('links')
      .addColumn(column, 'integer', c => c.notNull().defaultTo(0))
      .execute()
  }
  await db.schema.alterTable('links').addColumn('last_visit_at', 'varchar(24)').execute()
  await db.schema
    .createTable('link_visitors')
    .addColumn('link_id', 'integer', c => c.notNull().references('links.id').onDelete('cascade'))
    .addColumn('sid', 'varchar(32)', c => c.notNull())
    .addColumn('expires_at', 'varchar(24)', c => c.notNull())
    .addPrimaryKeyConstraint('link_visitors_pk', ['link_id', 'sid'])
    .execute()
  await db.schema.createIndex('link_visitors_expires_at').on('link_visitors').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('link_visitors').execute()
  for (const column of ['last_visit_at', 'zip_downloads', 'downloads', 'photo_views', 'max_visits']) {
    await db.schema.alterTable('links').dropColumn(column).execute()
  }
}
