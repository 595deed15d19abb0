import type { Kysely } from 'kysely'

/**
 * State that several instances on one database share. `limit_counters`:
 * the abuse limits' counts (token misses per client, wrong link passwords
 * per client and link), so N instances count together. `index_runs`: which
 * instance runs the indexer or makes playable copies now, with a heartbeat,
 * so one runs at a time and /healthz on any instance can tell.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('limit_counters')
    .addColumn('key', 'varchar(200)', c => c.primaryKey())
    .addColumn('count', 'integer', c => c.notNull())
    .addColumn('window_ends_ms', 'bigint', c => c.notNull())
    .addColumn('last_ms', 'bigint', c => c.notNull())
    .execute()
  await db.schema.createIndex('limit_counters_window_ends').on('limit_counters').column('window_ends_ms').execute()
  await db.schema
    .createTable('index_runs')
    .addColumn('job', 'varchar(40)', c => c.primaryKey())
    .addColumn('holder', 'varchar(64)', c => c.notNull())
    .addColumn('started_ms', 'bigint', c => c.notNull())
    .addColumn('heartbeat_ms', 'bigint', c => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('index_runs').execute()
  await db.schema.dropTable('limit_counters').execute()
}
