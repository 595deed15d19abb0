import t from 'tap'
import { buildTestApp, csrfFrom, cookiesFrom } from '../helper.ts'
import { loadConfig } from '../../src/config.ts'
import { visit } from './visitor-helpers.ts'

const PROXY = '10.0.0.5'
const miss = (i: number): string => `/s/proxy-guess-${i}-aaaa`
const forwarded = (i: number): Record<string, string> => ({
  'x-forwarded-for': `203.0.113.${i + 1}`,
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'evil.example'
})

t.test('ALBUMLINK_TRUST_PROXY: off by default, a hop count, or addresses/CIDRs; never "everyone"', async t => {
  t.equal(loadConfig({}).trustProxy, false)
  t.equal(
    loadConfig({ ALBUMLINK_PUBLIC_URL: 'https://photos.example.org' }).trustProxy,
    false,
    'a public URL does not turn it on'
  )
  t.equal(loadConfig({ ALBUMLINK_TRUST_PROXY: '1' }).trustProxy, 1)
  t.same(loadConfig({ ALBUMLINK_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
    '::1'
  ])
  for (const bad of ['true', 'yes', '10.0.0.0/99', 'proxy.example']) {
    t.throws(
      () => loadConfig({ ALBUMLINK_TRUST_PROXY: bad }),
      { name: 'Error', message: /ALBUMLINK_TRUST_PROXY must be a number of proxy hops/ },
      `${bad} is refused with a clear error`
    )
  }
})

t.test('without a trusted proxy, X-Forwarded-For is ignored: rotating it still gets 429 by the 11th miss', async t => {
  const { app } = await buildTestApp(t, {
    library: 'empty',
    env: { ALBUMLINK_PUBLIC_URL: 'https://photos.example.org' }
  })
  for (let i = 0; i < 10; i++) t.equal((await visit(app, miss(i), '', PROXY, forwarded(i))).statusCode, 404)
  t.equal((await visit(app, miss(10), '', PROXY, forwarded(10))).statusCode, 429)
})

t.test('with TRUST_PROXY=1 the limiters key on the forwarded client, not on the proxy', async t => {
  const { app } = await buildTestApp(t, { library: 'empty', env: { ALBUMLINK_TRUST_PROXY: '1' } })
  for (let i = 0; i < 15; i++) {
    t.equal(
      (await visit(app, miss(i), '', PROXY, forwarded(i))).statusCode,
      404,
      'one miss per visitor behind the proxy'
    )
  }
  const one = { 'x-forwarded-for': '198.51.100.7' }
  for (let i = 0; i < 10; i++) await visit(app, miss(i), '', PROXY, one)
  t.equal((await visit(app, miss(11), '', PROXY, one)).statusCode, 429, 'one visitor behind the proxy is limited')
  t.equal(
    (await visit(app, miss(12), '', PROXY, { 'x-forwarded-for': '198.51.100.8' })).statusCode,
    404,
    'the others are not'
  )
})

t.test('a proxy outside the trusted list is not believed', async t => {
  const { app } = await buildTestApp(t, { library: 'empty', env: { ALBUMLINK_TRUST_PROXY: '127.0.0.1' } })
  for (let i = 0; i < 10; i++) await visit(app, miss(i), '', PROXY, forwarded(i))
  t.equal((await visit(app, miss(10), '', PROXY, forwarded(10))).statusCode, 429)
})

t.test('sign-in: rotating X-Forwarded-For does not escape the per-client limit', async t => {
  const { app } = await buildTestApp(t, {
    library: 'empty',
    env: { ALBUMLINK_PUBLIC_URL: 'https://photos.example.org' }
  })
  const page = await app.inject({ url: '/login' })
  const cookie = cookiesFrom(page)
  const csrf = csrfFrom(page.body)
  const statuses: number[] = []
  for (let i = 0; i < 12; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: PROXY,
      headers: { cookie, ...forwarded(i) },
      payload: { _csrf: csrf, password: `wrong-${i}` }
    })
    statuses.push(res.statusCode)
  }
  t.same(statuses.slice(0, 10), Array(10).fill(401))
  t.equal(statuses[10], 429, 'the 11th try is refused')
})
