import { hkdfSync, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs'
import { dirname } from 'node:path'
import fp from 'fastify-plugin'
import secureSession from '@fastify/secure-session'

/** The session key is generated once into the data dir, readable by the owner only. */
export function loadSessionKey(file: string): Buffer {
  try {
    const key = readFileSync(file)
    if (key.length >= 32) return key
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const key = randomBytes(32)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, key, { mode: 0o600 })
  chmodSync(file, 0o600)
  return key
}

const derive = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32))

/**
 * Two sessions in two cookies with two keys: the owner's (`request.session`)
 * and the visitor's (`request.visitor`), so one can never be read as the other.
 * Each is derived from every configured key: the first seals, all open, so
 * instances sharing ALBUMLINK_SESSION_KEY read each other's cookies and a
 * key can be rotated without signing everybody out.
 */
export default fp(
  async app => {
    const masters = app.config.sessionKeys ?? [loadSessionKey(app.config.sessionKeyFile)]
    const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.secureCookies }
    await app.register(secureSession, [
      {
        sessionName: 'session',
        cookieName: 'albumlink_owner',
        key: masters.map(master => derive(master, 'owner')),
        expiry: 30 * 24 * 3600,
        cookie
      },
      {
        sessionName: 'visitor',
        cookieName: 'albumlink_visit',
        key: masters.map(master => derive(master, 'visitor')),
        expiry: 30 * 24 * 3600,
        cookie
      }
    ])
  },
  { name: 'sessions' }
)
