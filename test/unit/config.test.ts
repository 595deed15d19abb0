import t from 'tap'
import { join, resolve } from 'node:path'
import { loadConfig, ConfigError } from '../../src/config.ts'

t.test('defaults', async t => {
  const config = loadConfig({})
  t.equal(config.port, 2342)
  t.equal(config.host, '127.0.0.1')
  t.equal(config.dataDir, resolve('data'))
  t.equal(config.originals, join(resolve('data'), 'demo-originals'))
  t.equal(config.isDemo, true)
  t.equal(config.secureCookies, false)
  t.equal(config.logLevel, 'info')
  t.equal(config.database, join(resolve('data'), 'albumlink.db'))
  t.equal(config.thumbsDir, join(resolve('data'), 'thumbs'))
})

t.test('reads only the environment it is given', async t => {
  const saved = process.env.ALBUMLINK_PORT
  process.env.ALBUMLINK_PORT = '9999'
  t.teardown(() => {
    if (saved === undefined) delete process.env.ALBUMLINK_PORT
    else process.env.ALBUMLINK_PORT = saved
  })
  t.equal(loadConfig({}).port, 2342)
  t.equal(loadConfig().port, 9999)
})

t.test('values are parsed and resolved', async t => {
  const config = loadConfig({
    ALBUMLINK_PORT: '8080',
    ALBUMLINK_HOST: '0.0.0.0',
    ALBUMLINK_DATA: 'somewhere/data',
    ALBUMLINK_ORIGINALS: '/photos/',
    ALBUMLINK_PASSWORD: 'long enough',
    ALBUMLINK_LOG_LEVEL: 'debug'
  })
  t.equal(config.port, 8080)
  t.equal(config.host, '0.0.0.0')
  t.equal(config.dataDir, resolve('somewhere/data'))
  t.equal(config.originals, '/photos')
  t.equal(config.isDemo, false)
  t.equal(config.password, 'long enough')
  t.equal(config.logLevel, 'debug')
})

t.test('an empty variable counts as unset', async t => {
  const config = loadConfig({ ALBUMLINK_PORT: '', ALBUMLINK_PUBLIC_URL: '', ALBUMLINK_ORIGINALS: '' })
  t.equal(config.port, 2342)
  t.equal(config.publicUrl, undefined)
  t.equal(config.isDemo, true)
})

t.test('public URL: trailing slash dropped, https means secure cookies', async t => {
  const https = loadConfig({ ALBUMLINK_PUBLIC_URL: 'https://photos.example.org/' })
  t.equal(https.publicUrl, 'https://photos.example.org')
  t.equal(https.secureCookies, true)
  const prefixed = loadConfig({ ALBUMLINK_PUBLIC_URL: 'https://example.org/photos//' })
  t.equal(prefixed.publicUrl, 'https://example.org/photos')
  const http = loadConfig({ ALBUMLINK_PUBLIC_URL: 'http://192.168.1.5:2342' })
  t.equal(http.secureCookies, false)
})

t.test('invalid values give a readable error naming the variable', async t => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ ALBUMLINK_PORT: 'abc' }, /ALBUMLINK_PORT must be integer \(got "abc"\)/],
    [{ ALBUMLINK_PORT: '70000' }, /ALBUMLINK_PORT must be <= 65535/],
    [{ ALBUMLINK_PUBLIC_URL: 'ftp://x' }, /ALBUMLINK_PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ ALBUMLINK_PUBLIC_URL: 'photos.example.org' }, /ALBUMLINK_PUBLIC_URL/],
    [{ ALBUMLINK_LOG_LEVEL: 'loud' }, /ALBUMLINK_LOG_LEVEL must be one of fatal, error, warn, info/],
    [{ ALBUMLINK_PASSWORD: 'short' }, /ALBUMLINK_PASSWORD must NOT have fewer than 8 characters/]
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { constructor: ConfigError, message }, JSON.stringify(env))
  }
})

t.test('every invalid variable is reported, and a password is never echoed', async t => {
  const err = t.throws(() => loadConfig({ ALBUMLINK_PORT: 'x', ALBUMLINK_PASSWORD: 'secret1' })) as Error
  t.match(err.message, /^Invalid configuration: /)
  t.match(err.message, 'ALBUMLINK_PORT')
  t.match(err.message, 'ALBUMLINK_PASSWORD')
  t.notMatch(err.message, 'secret1')
})

t.test('session keys: hex or base64, comma-separated for rotation, never echoed', async t => {
  const hex = '0f'.repeat(32)
  const base64 = Buffer.alloc(32, 9).toString('base64')
  const urlSafe = Buffer.alloc(32, 251).toString('base64url')
  t.equal(loadConfig({}).sessionKeys, undefined, 'unset: generated into the data folder')
  const keys = loadConfig({ ALBUMLINK_SESSION_KEY: `${hex}, ${base64},${urlSafe}` }).sessionKeys
  t.same(
    keys?.map(k => k.toString('hex')),
    [hex, Buffer.alloc(32, 9).toString('hex'), Buffer.alloc(32, 251).toString('hex')],
    'newest first'
  )
  for (const bad of ['short', '0f'.repeat(31), `${hex},`, Buffer.alloc(16).toString('base64')]) {
    const err = t.throws(() => loadConfig({ ALBUMLINK_SESSION_KEY: bad })) as Error
    t.ok(err instanceof ConfigError, JSON.stringify(bad))
    t.match(err.message, 'ALBUMLINK_SESSION_KEY must be one or more comma-separated keys of 32 random bytes')
    t.notMatch(err.message, bad, 'the value is not in the message')
  }
})
