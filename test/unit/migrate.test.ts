import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely, type Migration } from 'kysely'
import { connectDb } from '../../src/db/connect.ts'
import { migrateToLatest, MigrationError } from '../../src/db/migrate.ts'
import { migrations } from '../../migrations/index.ts'
import { TEST_POSTGRES, freshPostgres } from '../databases.ts'

/** An empty database: a SQLite file, or on the test PostgreSQL server when there is one. */
async function freshDb(t: { teardown: (fn: () => unknown) => void }): Promise<Kysely<any>> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-migrate-'))
  const server = TEST_POSTGRES === undefined ? null : await freshPostgres()
  const db = connectDb(server?.url ?? join(dir, 'test.db'))
  t.teardown(async () => {
    await db.destroy()
    await server?.drop()
    await rm(dir, { recursive: true, force: true })
  })
  return db
}

async function tableNames(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: false })
  return tables.map(table => table.name).sort()
}

async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()
  return rows.map(r => r.name as string)
}

const createTable = (name: string): Migration => ({
  up: async db => {
    await db.schema
      .createTable(name)
      .addColumn('id', 'integer', c => c.primaryKey())
      .execute()
  }
})

const failing: Migration = {
  up: async db => {
    await db.schema.createTable('half_done').addColumn('id', 'integer').execute()
    await sql`insert into half_done (id) values (1)`.execute(db)
    throw new Error('disk on fire')
  }
}

t.test('migrations up from empty create every table', async t => {
  const db = await freshDb(t)
  const applied = await migrateToLatest(db)
  t.same(applied, Object.keys(migrations))
  const tables = await tableNames(db)
  for (const table of ['photos', 'albums', 'album_photos', 'links', 'users']) t.ok(tables.includes(table), table)
  t.same(await appliedMigrations(db), Object.keys(migrations))
  t.same(await migrateToLatest(db), [], 'a second run has nothing to do')
})

t.test('a failing migration leaves a new database unchanged', async t => {
  const db = await freshDb(t)
  const err = await migrateToLatest(db, { '0001_first': createTable('first'), '0002_broken': failing }).then(
    () => null,
    (e: unknown) => e
  )
  t.type(err, MigrationError)
  t.match((err as Error).message, /^Database migration 0002_broken failed, nothing was changed: disk on fire$/)
  t.same(await tableNames(db), [], 'neither the first nor the failing step left a table')
  t.same(await appliedMigrations(db), [])
})

t.test('a failing migration leaves an existing database as it was', async t => {
  const db = await freshDb(t)
  await migrateToLatest(db)
  await db.insertInto('users').values({ name: 'owner', password_hash: 'x', created_at: 'now' }).execute()
  const before = await tableNames(db)
  await t.rejects(migrateToLatest(db, { ...migrations, '9998_next': createTable('next'), '9999_broken': failing }), {
    constructor: MigrationError,
    message: /9999_broken failed/
  })
  t.same(await tableNames(db), before, 'no table from either step')
  t.same(await appliedMigrations(db), Object.keys(migrations), 'kysely_migration has no row for either step')
  t.equal((await db.selectFrom('users').select('name').execute()).length, 1, 'data kept')
  t.same(
    await migrateToLatest(db, { ...migrations, '9998_next': createTable('next') }),
    ['9998_next'],
    'fixed migrations apply later'
  )
})
