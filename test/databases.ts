import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * When ALBUMLINK_TEST_DATABASE_URL names a PostgreSQL server (any database on
 * it, e.g. postgres://postgres@127.0.0.1:54329/postgres), each test app gets
 * a database of its own there instead of a SQLite file; .ci/run sets it for
 * its second pass over the route tests.
 */
export const TEST_POSTGRES = process.env.ALBUMLINK_TEST_DATABASE_URL

const urlOf = (name: string): string => {
  const url = new URL(TEST_POSTGRES ?? '')
  url.pathname = `/${name}`
  return url.toString()
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const exists = async (client: pg.Client, name: string): Promise<boolean> =>
  (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1

/**
 * The database `name`, made once by `build` (given its URL) and then only
 * copied: test processes that ask together wait on an advisory lock.
 */
export async function postgresTemplate(name: string, build: (url: string) => Promise<void>): Promise<string> {
  return await onServer(async client => {
    await client.query('select pg_advisory_lock(hashtext($1))', [name])
    try {
      if (await exists(client, name)) return name
      const building = `${name}_building`
      await client.query(`drop database if exists ${building} with (force)`)
      await client.query(`create database ${building}`)
      await build(urlOf(building))
      await client.query(`alter database ${building} rename to ${name}`)
      return name
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name])
    }
  })
}

/** A new database (a copy of `template` when given); `drop` removes it, closing what is still connected. */
export async function freshPostgres(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `albumlink_test_${randomBytes(6).toString('hex')}`
  await onServer(async client => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name}${template ? ` template ${template}` : ''}`)
        return
      } catch (err) {
        // "source database is being accessed by other users": another copy is being made right now.
        if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err
        await new Promise(resolve => setTimeout(resolve, 100))
      }
    }
  })
  return {
    url: urlOf(name),
    drop: async () => {
      await onServer(async client => {
        // A backend whose client just disconnected may linger a moment; forcing it then can reach a pool that is
        // still closing, so force only what is left after waiting.
        for (let attempt = 0; attempt < 40; attempt++) {
          try {
            await client.query(`drop database if exists ${name}`)
            return
          } catch (err) {
            if ((err as { code?: string }).code !== '55006') throw err
            await new Promise(resolve => setTimeout(resolve, 50))
          }
        }
        await client.query(`drop database if exists ${name} with (force)`)
      })
    }
  }
}
