import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { base32, nowIso } from './ids.ts'

export const OWNER_NAME = 'owner'
const PARAMS = { N: 16384, r: 8, p: 1 }

const scryptAsync = async (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  await new Promise((resolve, reject) => scrypt(password, salt, 32, options, (err, key) => err ? reject(err) : resolve(key)))

export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(password, salt, PARAMS)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export const generatePassword = (): string => base32(randomBytes(10))

export async function ownerExists (db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('name', '=', OWNER_NAME).executeTakeFirst()) !== undefined
}

export async function setOwnerPassword (db: Kysely<DB>, password: string): Promise<void> {
  const password_hash = await hashPassword(password)
  await db.insertInto('users').values({ name: OWNER_NAME, password_hash, created_at: nowIso() })
    .onConflict(oc => oc.column('name').doUpdateSet({ password_hash })).execute()
}

/** Creates the owner on first start; returns the password only when it was generated here (to print once). */
export async function ensureOwner (db: Kysely<DB>, configured?: string): Promise<string | null> {
  if (await ownerExists(db)) return null
  const password = configured ?? generatePassword()
  await setOwnerPassword(db, password)
  return configured ? null : password
}

export async function checkOwnerPassword (db: Kysely<DB>, password: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('password_hash').where('name', '=', OWNER_NAME).executeTakeFirst()
  // Hash even without an owner so a miss takes as long as a wrong password.
  return await verifyPassword(password, user?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=') && user !== undefined
}
