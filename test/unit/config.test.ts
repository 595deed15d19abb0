import t from 'tap'
import { join, resolve } from 'node:path'
import { loadConfig, ConfigError, type Config } from '../../src/config.ts'

// What loadConfig makes of an environment: each value of the config named here.
const cases: Array<[string, Record<string, string>, Partial<Config>]> = [
  [
    'defaults',
    {},
    {
      port: 2342,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      originals: join(resolve('data'), 'demo-originals'),
      isDemo: true,
      secureCookies: false,
      logLevel: 'info',
      database: join(resolve('data'), 'albumlink.db'),
      thumbsDir: join(resolve('data'), 'thumbs')
    }
  ],
  [
    'values are parsed and resolved',
    {
      ALBUMLINK_PORT: '8080',
      ALBUMLINK_HOST: '0.0.0.0',
      ALBUMLINK_DATA: 'somewhere/data',
      ALBUMLINK_ORIGINALS: '/photos/',
      ALBUMLINK_PASSWORD: 'long enough',
      ALBUMLINK_LOG_LEVEL: 'debug'
    },
    {
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve('somewhere/data'),
      originals: '/photos',
      isDemo: false,
      password: 'long enough',
      logLevel: 'debug'
    }
  ],
  [
    'an empty variable counts as unset',
    { ALBUMLINK_PORT: '', ALBUMLINK_PUBLIC_URL: '', ALBUMLINK_ORIGINALS: '' },
    { port: 2342, publicUrl: undefined, isDemo: true }
  ]
]
for (const [name, env, expected] of cases) {
  t.test(name, async t => {
    const config = loadConfig(env)
    for (const [key, value] of Object.entries(expected)) t.equal(config[key as keyof Config], value, key)
  })
}

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
