import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, cookiesFrom, csrfFrom, OWNER_PASSWORD, secondInstance, signIn } from '../helper.ts'
import { ensureOwner, forgetOwner } from '../../src/library/owner-account.ts'
import { indexLibrary } from '../../src/library/library-jobs.ts'
import { IndexState } from '../../src/library/index-state.ts'
import { runningJobs, withJobLock } from '../../src/library/job-lock.ts'
import { ownerGet } from './owner-helpers.ts'
import { share, visit } from './visitor-helpers.ts'
import { protectedLink, unlock } from './password-helpers.ts'
import { SHARED_SESSION_KEY, twoInstances } from './instance-helpers.ts'

/** One sign-in form sent from a fresh browser at `client`. */
async function tryLogin(app: FastifyInstance, password: string, client: string): Promise<number> {
  const page = await app.inject({ url: '/login', remoteAddress: client })
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: client,
    headers: { cookie: cookiesFrom(page) },
    payload: { _csrf: csrfFrom(page.body), password }
  })
  return res.statusCode
}

t.test('session cookies: shared through ALBUMLINK_SESSION_KEY, and only through it', async t => {
  const { a, b } = await twoInstances(t)
  const owner = await signIn(a.app)
  t.equal((await ownerGet(b.app, owner, '/albums')).statusCode, 200, 'B opens A’s cookie with the shared key')

  const alone = await buildTestApp(t)
  const other = await secondInstance(t, alone)
  const session = await signIn(alone.app)
  t.equal((await ownerGet(other.app, session, '/albums')).statusCode, 302, 'each generated key opens only its own')

  // Rotation: the new key first, the old one still opens cookies sealed before.
  const rotated = await secondInstance(t, {
    ...a,
    config: { ...a.config, sessionKeys: [Buffer.alloc(32, 7), Buffer.from(SHARED_SESSION_KEY, 'hex')] }
  })
  t.equal((await ownerGet(rotated.app, owner, '/albums')).statusCode, 200, 'a rotated instance still opens it')
  const fresh = await signIn(rotated.app)
  t.equal((await ownerGet(a.app, fresh, '/albums')).statusCode, 302, 'what it seals needs the new key')
})

t.test('only one instance indexes, and /healthz on every instance says so', async t => {
  const { a, b } = await twoInstances(t)
  await withJobLock(a.db, 'index', async () => {
    t.same(await runningJobs(b.db), ['index'], 'B sees that an index runs')
    const health = (await b.app.inject('/healthz')).json()
    t.equal(health.indexing, true, "B's /healthz says indexing while A indexes")
    t.equal(await withJobLock(b.db, 'index', async () => 'ran'), undefined, 'B does not start a second run')
    t.equal(await withJobLock(b.db, 'renditions', async () => 'ran'), 'ran', 'other jobs are not held up')
  })
  t.same(await runningJobs(b.db), [], 'the lock is given back')
  t.equal((await b.app.inject('/healthz')).json().indexing, false)

  const runs = await Promise.all([
    indexLibrary(a.db, a.config, new IndexState()),
    indexLibrary(b.db, b.config, new IndexState())
  ])
  t.equal(runs.filter(stats => stats !== undefined).length, 1, 'started together, one indexes, the other skips')
  t.ok((await indexLibrary(b.db, b.config, new IndexState()))?.files, 'afterwards B may index (the lock was released)')
})

t.test('a lock whose holder stopped is taken over', async t => {
  const { a, b } = await twoInstances(t)
  await a.db
    .insertInto('index_runs')
    .values({ job: 'index', holder: 'gone', started_ms: 0, heartbeat_ms: Date.now() - 61_000 })
    .execute()
  t.same(await runningJobs(a.db), [], 'a row without a heartbeat for a minute is no run')
  t.equal(await withJobLock(b.db, 'index', async () => 'ran'), 'ran', 'B takes the job over')
})

t.test('the limits count across both instances', async t => {
  const { a, b } = await twoInstances(t)
  const album = await a.db.selectFrom('albums').selectAll().where('kind', '=', 'folder').executeTakeFirstOrThrow()
  const link = await share(a.db, album, 'both-limits-0001')
  const guesser = '192.0.2.77'
  for (let i = 0; i < 5; i++) t.equal((await visit(a.app, `/s/guess-a-${i}-xxxx`, '', guesser)).statusCode, 404)
  for (let i = 0; i < 5; i++) t.equal((await visit(b.app, `/s/guess-b-${i}-xxxx`, '', guesser)).statusCode, 404)
  t.equal((await visit(b.app, `/s/${link.token}`, '', guesser)).statusCode, 429, '5 misses on A + 5 on B: B blocks')
  // A learns the shared count at its next miss: at most one more per other instance.
  t.equal((await visit(a.app, '/s/guess-a-last-xxxx', '', guesser)).statusCode, 404)
  t.equal((await visit(a.app, `/s/${link.token}`, '', guesser)).statusCode, 429, 'and then A blocks too')
  t.equal((await visit(a.app, `/s/${link.token}`, '', '192.0.2.78')).statusCode, 303, 'another client is welcome')

  const signer = '192.0.2.90'
  for (let i = 0; i < 5; i++) t.equal(await tryLogin(a.app, `guess-${i}`, signer), 401)
  for (let i = 0; i < 5; i++) t.equal(await tryLogin(b.app, `guess-${i}`, signer), 401)
  t.equal(await tryLogin(a.app, OWNER_PASSWORD, signer), 429, 'the 11th sign-in in a minute, on either, is refused')
})

t.test('wrong link passwords on A make the same client wait on B', async t => {
  const ctx = await protectedLink(t)
  const b = await secondInstance(t, ctx)
  const cookieA = cookiesFrom(await visit(ctx.app, ctx.base))
  for (let i = 0; i < 5; i++) t.equal((await unlock(ctx, cookieA, `guess ${i}`, '192.0.2.5')).statusCode, 401)
  const onB = { ...ctx, app: b.app }
  const cookieB = cookiesFrom(await visit(b.app, ctx.base))
  const waited = await unlock(onB, cookieB, 'open sesame', '192.0.2.5')
  t.equal(waited.statusCode, 429, 'B makes the client wait, even with the right password')
  t.match(waited.body, 'Too many wrong passwords')
  t.equal((await unlock(onB, cookieB, 'open sesame', '192.0.2.6')).statusCode, 303, 'another client gets in on B')
})

t.test('instances starting together create the owner once, and only one prints a password', async t => {
  const { a, b } = await twoInstances(t)
  await forgetOwner(a.db)
  const generated = await Promise.all([ensureOwner(a.db), ensureOwner(b.db), ensureOwner(a.db), ensureOwner(b.db)])
  const printed = generated.filter(p => p !== null)
  t.equal(printed.length, 1, 'one password to print')
  const owners = await a.db.selectFrom('users').select('name').execute()
  t.equal(owners.length, 1, 'one owner')
  t.equal(await tryLogin(b.app, printed[0]!, '192.0.2.200'), 303, 'the printed password signs in on either')
})
