import t from 'tap'
import { buildTestApp } from '../helper.ts'
import { MissLimiter } from '../../src/sharing/miss-limiter.ts'
import { clientKey } from '../../src/plugins/client-key.ts'
import { albumOfKind, assertVisitorHeaders, expectedUids, openLink, share, visit } from './visitor-helpers.ts'

t.test('guessing links is slowed down per client; using a real link never is', async t => {
  const { app, db } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  const [photo] = await expectedUids(db, album)
  const link = await share(db, album, 'rate-limit-0001')
  const guesses = (i: number): string =>
    [
      `/s/guess-${i}-aaaaaa`,
      `/s/guess-${i}-aaaaaa/${album.uid}`,
      `/s/guess-${i}-aaaaaa/${album.uid}/${photo}/thumb/tile`
    ][i % 3]

  const guesser = '192.0.2.10'
  for (let i = 0; i < 10; i++) t.equal((await visit(app, guesses(i), '', guesser)).statusCode, 404, `miss ${i + 1}`)
  const blocked = await visit(app, guesses(10), '', guesser)
  t.equal(blocked.statusCode, 429, 'the 11th miss is refused')
  t.match(blocked.headers['content-type'], /^text\/html/)
  t.match(blocked.body, 'Too many attempts')
  t.match(blocked.body, 'Wait a minute', 'a friendly page saying what to do')
  t.ok(Number(blocked.headers['retry-after']) > 0, 'with Retry-After')
  assertVisitorHeaders(t, blocked, '429')
  t.equal((await visit(app, `/s/${link.token}`, '', guesser)).statusCode, 429, 'while blocked, even a real link waits')
  t.equal((await visit(app, `/s/${link.token}`, '', '192.0.2.11')).statusCode, 303, 'another client is not affected')

  const viewer = '192.0.2.20'
  const cookie = await openLink(app, link.token)
  for (let i = 0; i < 40; i++) {
    const url = [
      `/s/${link.token}/${album.uid}`,
      `/s/${link.token}/${album.uid}/${photo}/thumb/tile`,
      `/s/${link.token}`,
      `/s/${link.token}/${album.uid}/${photo}`
    ][i % 4]
    const res = await visit(app, url, cookie, viewer)
    t.ok(res.statusCode < 400, `hit ${i + 1} is never counted`)
  }
  for (let i = 0; i < 9; i++) await visit(app, guesses(i), '', viewer)
  t.equal(
    (await visit(app, `/s/${link.token}/${album.uid}`, cookie, viewer)).statusCode,
    200,
    '40 hits and 9 misses: still welcome'
  )
})

t.test('the limit lifts when the window has passed', async t => {
  const { db } = await buildTestApp(t, { library: 'empty' })
  let now = 0
  const limiter = new MissLimiter(db, 10, 60_000, () => now)
  for (let i = 0; i < 9; i++) await limiter.record('a')
  t.notOk(limiter.blocked('a'), 'nine misses')
  await limiter.record('a')
  t.ok(limiter.blocked('a'), 'the tenth blocks')
  t.notOk(limiter.blocked('b'))
  now = 60_000
  t.notOk(limiter.blocked('a'), 'a minute later')
  await limiter.record('a')
  t.notOk(limiter.blocked('a'), 'counting starts again')
})

t.test('an IPv6 host cannot escape the limit by changing addresses within its /64', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  for (let i = 0; i < 10; i++) await visit(app, `/s/guess-v6-${i}-aaaa`, '', `2001:db8:1:2::${(i + 1).toString(16)}`)
  t.equal((await visit(app, '/s/guess-v6-x-aaaa', '', '2001:db8:1:2:ffff:1:2:3')).statusCode, 429, 'same /64')
  t.equal((await visit(app, '/s/guess-v6-y-aaaa', '', '2001:db8:1:3::1')).statusCode, 404, 'another /64')
  t.equal(clientKey('2001:DB8:0001:0002:0:0:0:1'), clientKey('2001:db8:1:2::9'))
  t.equal(clientKey('::ffff:192.0.2.1'), '192.0.2.1', 'IPv4-mapped addresses count as IPv4')
  t.equal(clientKey('192.0.2.1'), '192.0.2.1')
})

t.test('a flood of clients cannot grow memory or the table without bound', async t => {
  const { db } = await buildTestApp(t, { library: 'empty' })
  let now = 0
  const limiter = new MissLimiter(db, 1, 60_000, () => now, 100)
  for (let i = 0; i < 1000; i++) await limiter.record(`198.51.100.${i % 250}-${i}`)
  t.ok((limiter as unknown as { blockedUntil: Map<string, unknown> }).blockedUntil.size <= 100, 'blocks kept')
  now = 60_000
  for (let i = 0; i < 300; i++) await limiter.record(`203.0.113.${i}`)
  const { rows } = await db
    .selectFrom('limit_counters')
    .select(eb => eb.fn.countAll<number>().as('rows'))
    .executeTakeFirstOrThrow()
  t.ok(Number(rows) < 1000, `ended windows are deleted (${rows} rows left)`)
})
