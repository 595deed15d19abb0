import t from 'tap'
import { buildTestApp, cookiesFrom } from '../helper.ts'
import { UnlockLimiter, WARN_WRONG_TRIES_PER_HOUR } from '../../src/sharing/unlock-limiter.ts'
import { visit } from './visitor-helpers.ts'
import { protectedLink, saveLink, unlock } from './password-helpers.ts'

t.test('wrong passwords from many clients never lock out a client with the right one', async t => {
  const ctx = await protectedLink(t)
  const cookie = cookiesFrom(await visit(ctx.app, ctx.base))
  for (let i = 0; i < 25; i++) {
    t.equal(
      (await unlock(ctx, cookie, `guess ${i}`, `192.0.2.${i + 1}`)).statusCode,
      401,
      `wrong try ${i + 1} from client ${i + 1}`
    )
  }
  t.equal(
    (await unlock(ctx, cookie, 'open sesame', '198.51.100.77')).statusCode,
    303,
    'a fresh client with the right password gets in'
  )
})

t.test('one client that keeps guessing waits longer and longer', async t => {
  const { db } = await buildTestApp(t, { library: 'empty' })
  let now = 0
  const limiter = new UnlockLimiter(db, () => now)
  for (let i = 0; i < 4; i++) await limiter.recordFailure('a', 1)
  t.equal(await limiter.waitMs('a', 1), 0, 'four wrong tries cost nothing')
  await limiter.recordFailure('a', 1)
  t.equal(await limiter.waitMs('a', 1), 1000, 'the fifth: wait a second')
  const waits = []
  for (let i = 0; i < 6; i++) {
    now += await limiter.waitMs('a', 1)
    await limiter.recordFailure('a', 1)
    waits.push(await limiter.waitMs('a', 1))
  }
  t.same(waits, [2000, 4000, 8000, 16000, 32000, 64000], 'each wrong try doubles the wait')
  for (let i = 0; i < 20; i++) {
    now += await limiter.waitMs('a', 1)
    await limiter.recordFailure('a', 1)
  }
  t.equal(await limiter.waitMs('a', 1), 15 * 60_000, 'up to 15 minutes')
  t.equal(await limiter.waitMs('b', 1), 0, 'another client is not affected')
  t.equal(await limiter.waitMs('a', 2), 0, 'nor another link')
  await limiter.recordSuccess('a', 1)
  t.equal(await limiter.waitMs('a', 1), 0, 'the right password clears the count')
  await limiter.recordFailure('c', 1)
  now += 3600_000
  for (let i = 0; i < 5; i++) await limiter.recordFailure('c', 1)
  t.equal(await limiter.waitMs('c', 1), 1000, 'an hour without a wrong try forgets the count')
})

t.test(`more than ${WARN_WRONG_TRIES_PER_HOUR} wrong tries on one link in an hour are logged once`, async t => {
  const { db } = await buildTestApp(t, { library: 'empty' })
  let now = 0
  const limiter = new UnlockLimiter(db, () => now)
  const warnings = []
  for (let i = 0; i < 150; i++) if (await limiter.recordFailure(`client-${i}`, 7)) warnings.push(i)
  t.same(warnings, [WARN_WRONG_TRIES_PER_HOUR], 'one warning, at the first try past the mark')
  now += 3600_000
  t.notOk(await limiter.recordFailure('client-x', 7), 'a new hour starts counting again')
})

t.test('a link password has at least 8 characters', async t => {
  const ctx = await protectedLink(t)
  const res = await saveLink(ctx, { password: '1234567' })
  t.equal(res.statusCode, 400)
  t.match(res.body, 'A link password has 8 to 200 characters.')
})
