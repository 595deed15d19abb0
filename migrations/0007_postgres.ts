import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect.ts'

/** Columns of `links` whose change alters what a visitor may see; the statistics columns are left out. */
const LINK_ACCESS_COLUMNS = [
  'token',
  'album_id',
  'expires_at',
  'password_hash',
  'password_version',
  'allow_downloads',
  'max_visits',
  'updated_at'
]

/** Every statement on these tables bumps the version (ended sessions and the owner's epoch revoke access). */
const WATCHED_TABLES = ['photos', 'albums', 'album_photos', 'users', 'ended_visitor_sessions']

/** Text columns that queries sort or compare by range; text sorts by bytes on SQLite. */
const SORTED_TEXT: Record<string, string[]> = {
  photos: ['path', 'folder', 'taken_at', 'title'],
  albums: ['title', 'filter', 'slug', 'created_at'],
  links: ['created_at', 'expires_at', 'last_visit_at']
}

/**
 * PostgreSQL only. Sorted text compares by bytes (collation "C"), as on
 * SQLite, so both databases list things in the same order whatever locale
 * the server was set up with. And the change version shared by every instance. Statement
 * triggers bump one row in the writing transaction, so the version and the
 * data it stands for become visible together, and each instance drops what
 * it cached at its next read of the row. SQLite needs none of this: one file
 * has one writer process at a time, and data_version tells it about others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  for (const [table, columns] of Object.entries(SORTED_TEXT)) {
    for (const column of columns) {
      await sql`alter table ${sql.table(table)} alter column ${sql.id(column)} type text collate "C"`.execute(db)
    }
  }
  await db.schema
    .createTable('change_version')
    .addColumn('id', 'integer', c => c.primaryKey())
    .addColumn('value', 'bigint', c => c.notNull())
    .execute()
  await db.insertInto('change_version').values({ id: 1, value: 0 }).execute()
  await sql`create function bump_change_version() returns trigger language plpgsql as $$
    begin
      update change_version set value = value + 1 where id = 1;
      return null;
    end $$`.execute(db)
  for (const table of WATCHED_TABLES) {
    await sql`create trigger ${sql.id(`${table}_changed`)} after insert or update or delete or truncate
      on ${sql.table(table)} for each statement execute function bump_change_version()`.execute(db)
  }
  const columns = sql.join(LINK_ACCESS_COLUMNS.map(c => sql.id(c)))
  await sql`create trigger links_changed after insert or delete or truncate or update of ${columns}
    on links for each statement execute function bump_change_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  for (const table of [...WATCHED_TABLES, 'links']) {
    await sql`drop trigger ${sql.id(`${table}_changed`)} on ${sql.table(table)}`.execute(db)
  }
  await sql`drop function bump_change_version()`.execute(db)
  await db.schema.dropTable('change_version').execute()
}
