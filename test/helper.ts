import { cp, mkdtemp, rm, rename, mkdir, readFile, readdir, stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { loadConfig, type Config } from '../src/config.ts'
import { buildApp } from '../src/app.ts'
import { connectDb } from '../src/db/connect.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import type { DB } from '../src/db/schema.ts'
import { generateDemoLibrary } from '../src/library/demo/generate.ts'
import { runIndex } from '../src/library/indexer/index.ts'
import { setOwnerPassword } from '../src/library/owner-account.ts'
import type { LimitSettings } from '../src/plugins/limits.ts'
import { TEST_POSTGRES, freshPostgres, postgresTemplate } from './databases.ts'
import { storageFor } from '../src/storage/open-storage.ts'
import { copyFolderToStorage, startS3Server, type S3Server } from './s3-server.ts'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Real camera files from the exif-samples collection (CC BY-SA 4.0, see test/fixtures/README.md). */
export const EXIF_SAMPLES = join(ROOT, 'test', 'fixtures', 'exif-samples')
export const OWNER_PASSWORD = 'test-owner-password'

export interface TestApp {
  app: FastifyInstance
  db: Kysely<DB>
  config: Config
  dir: string
  clock: { now: Date }
  close: () => Promise<void>
}

interface TestT {
  teardown: (fn: () => unknown) => void
}

/**
 * The demo library, generated and indexed once per code version and then
 * copied for each test: every test gets its own data dir and database.
 */
async function demoTemplate(): Promise<string> {
  const hash = createHash('sha1')
  // Everything that shapes the indexed demo: the library code and the migrations.
  for (const dir of ['src/library', 'src/util', 'migrations']) {
    for (const file of (await readdir(join(ROOT, dir), { recursive: true })).filter(f => f.endsWith('.ts')).sort()) {
      hash.update(file).update(await readFile(join(ROOT, dir, file)))
    }
  }
  const template = join(tmpdir(), `albumlink-demo-${hash.digest('hex').slice(0, 12)}`)
  if (await stat(join(template, 'ready')).catch(() => null)) return template
  const building = await mkdtemp(join(tmpdir(), 'albumlink-demo-build-'))
  await generateDemoLibrary(join(building, 'demo-originals'))
  const db = connectDb(join(building, 'albumlink.db'))
  await migrateToLatest(db)
  await runIndex(db, { originals: join(building, 'demo-originals'), thumbsDir: join(building, 'thumbs') })
  await db.destroy()
  await mkdir(join(building, 'ready'))
  await rename(building, template).catch(async () => {
    await rm(building, { recursive: true, force: true })
  })
  return template
}

/** The demo library indexed into a PostgreSQL template database (thumbnails are the same files by content hash). */
async function demoPostgresTemplate(folder: string): Promise<string> {
  return await postgresTemplate(`albumlink_demo_${folder.slice(-12)}`, async url => {
    const db = connectDb(url)
    const scratch = await mkdtemp(join(tmpdir(), 'albumlink-pg-demo-'))
    try {
      await migrateToLatest(db)
      await runIndex(db, { originals: join(folder, 'demo-originals'), thumbsDir: scratch })
    } finally {
      await db.destroy()
      await rm(scratch, { recursive: true, force: true })
    }
  })
}

/** The database a test app uses: in its data folder, or a fresh one on the test PostgreSQL server. */
async function testDatabase(
  library: BuildOptions['library'],
  template: string | null
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (TEST_POSTGRES === undefined) return { env: {}, drop: async () => {} }
  const database = await freshPostgres(
    library === 'demo' && template ? await demoPostgresTemplate(template) : undefined
  )
  return { env: { ALBUMLINK_DATABASE_URL: database.url }, drop: database.drop }
}

export interface BuildOptions {
  /** 'demo' (default): a copy of the indexed demo library; 'empty': nothing indexed; or a folder to index. */
  library?: 'demo' | 'empty' | { originals: string }
  env?: Record<string, string>
  limits?: Partial<LimitSettings>
  /** Called for every database query the app runs. */
  onQuery?: () => void
  /**
   * Keep derived files in a new bucket of this s3rver instead of the thumbnails folder: the demo's thumbnails are
   * copied into it and the folder removed (nothing can be read from it), a given folder is indexed into it.
   */
  s3?: S3Server
}

export async function buildTestApp(t: TestT, options: BuildOptions = {}): Promise<TestApp> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-test-'))
  const library = options.library ?? 'demo'
  const template = library === 'demo' ? await demoTemplate() : null
  if (template) await cp(template, dir, { recursive: true })
  const database = await testDatabase(library, template)
  const originals = typeof library === 'object' ? library.originals : undefined
  // CI's PostgreSQL pass also keeps derived files in a bucket (ALBUMLINK_TEST_S3=1), as several instances would.
  const s3 = options.s3 ?? (process.env.ALBUMLINK_TEST_S3 === '1' ? await startS3Server(t) : undefined)
  const bucket = s3 ? await s3.bucket() : undefined
  const config = loadConfig({
    ALBUMLINK_DATA: dir,
    ALBUMLINK_LOG_LEVEL: 'silent',
    ...(originals ? { ALBUMLINK_ORIGINALS: originals } : {}),
    ...database.env,
    ...bucket?.env,
    ...options.env
  })
  const db = connectDb(config.database, { log: options.onQuery && (() => options.onQuery?.()) })
  await migrateToLatest(db)
  if (library === 'empty') await mkdir(config.originals, { recursive: true })
  if (bucket && library === 'demo') {
    await copyFolderToStorage(config.thumbsDir, await storageFor(config))
    await rm(config.thumbsDir, { recursive: true, force: true })
  }
  if (originals) await runIndex(db, { originals, storage: await storageFor(config) })
  await setOwnerPassword(db, OWNER_PASSWORD)
  const clock = { now: new Date() }
  const app = await buildApp(config, { db, logger: false, now: () => clock.now, limits: options.limits })
  await app.ready()
  const close = async (): Promise<void> => {
    await app.close()
    await db.destroy()
    await database.drop()
    await rm(dir, { recursive: true, force: true })
  }
  t.teardown(close)
  return { app, db, config, dir, clock, close }
}

/**
 * Another instance of `first`'s app: same configuration, data folder and
 * database, its own connection, caches and limiters — as a second server
 * behind a load balancer would be.
 */
export async function secondInstance(t: TestT, first: TestApp): Promise<TestApp> {
  // A copy, so this instance builds its own store client (storageFor keeps one per configuration). Its own
  // session key file: cookies are shared only through ALBUMLINK_SESSION_KEY, as on two machines.
  const own = await mkdtemp(join(tmpdir(), 'albumlink-second-'))
  t.teardown(async () => {
    await rm(own, { recursive: true, force: true })
  })
  const config = { ...first.config, sessionKeyFile: join(own, 'session.key') }
  const db = connectDb(config.database)
  const app = await buildApp(config, { db, logger: false, now: () => first.clock.now })
  await app.ready()
  const close = async (): Promise<void> => {
    await app.close()
    await db.destroy()
  }
  t.teardown(close)
  return { app, db, config, dir: first.dir, clock: first.clock, close }
}

/** Cookie header built from a response's set-cookie headers, merged into an existing one. */
export function cookiesFrom(response: LightMyRequestResponse, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map(c => [c.split('=')[0], c])
  )
  for (const c of response.cookies) jar.set(c.name, `${c.name}=${encodeURIComponent(c.value)}`)
  return [...jar.values()].join('; ')
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match) throw new Error('no CSRF token in page')
  return match[1]
}

export interface OwnerSession {
  cookie: string
  csrf: string
}

/** Signs in as the owner; returns the cookie and a CSRF token valid for its forms. */
export async function signIn(app: FastifyInstance): Promise<OwnerSession> {
  const page = await app.inject({ url: '/login' })
  let cookie = cookiesFrom(page)
  const login = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie },
    payload: { _csrf: csrfFrom(page.body), password: OWNER_PASSWORD, next: '/albums' }
  })
  if (login.statusCode !== 303) throw new Error(`sign-in failed: ${login.statusCode}`)
  cookie = cookiesFrom(login, cookie)
  const albums = await app.inject({ url: '/albums', headers: { cookie } })
  return { cookie: cookiesFrom(albums, cookie), csrf: csrfFrom(albums.body) }
}

/** POST a form as the owner. */
export async function ownerPost(
  app: FastifyInstance,
  session: OwnerSession,
  url: string,
  fields: Record<string, string | string[]> = {}
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams()
  body.append('_csrf', session.csrf)
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value)
  return await app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString()
  })
}
