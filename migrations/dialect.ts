import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter

/** An integer primary key the database numbers: an identity column on PostgreSQL, AUTOINCREMENT on SQLite. */
export function generatedId(db: Kysely<any>): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPostgres(db) ? c => c.primaryKey().generatedByDefaultAsIdentity() : c => c.primaryKey().autoIncrement()
}
