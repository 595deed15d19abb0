import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { base32, nowIso } from '../util/ids.ts'
import { DUMMY_HASH, hashPassword, verifyPassword } from '../util/passwords.ts'

export const OWNER_NAME = 'owner'

export const generatePassword = (): string => base32(randomBytes(10))

export async function ownerExists(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('name', '=', OWNER_NAME).executeTakeFirst()) !== undefined
}

export async function setOwnerPassword(db: Kysely<DB>, password: string): Promise<void> {
  const password_hash = await hashPassword(password)
  await db
    .insertInto('users')
    .values({ name: OWNER_NAME, password_hash, created_at: nowIso() })
    .onConflict(oc =>
      oc.column('name').doUpdateSet(eb => ({ password_hash, session_epoch: eb('users.session_epoch', '+', 1) }))
    )
    .execute()
}

/**
 * Creates the owner on first start; returns the password only when it was generated and inserted here (to print
 * once): of several instances starting together on one database, one inserts and prints, the others change nothing.
 */
export async function ensureOwner(db: Kysely<DB>, configured?: string): Promise<string | null> {
  if (await ownerExists(db)) return null
  const password = configured ?? generatePassword()
  const inserted = await db
    .insertInto('users')
    .values({ name: OWNER_NAME, password_hash: await hashPassword(password), created_at: nowIso() })
    .onConflict(oc => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted && !configured ? password : null
}

/** Undoes a first start that failed before its generated password could be shown. */
export async function forgetOwner(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('users').where('name', '=', OWNER_NAME).execute()
}

export async function checkOwnerPassword(db: Kysely<DB>, password: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('password_hash').where('name', '=', OWNER_NAME).executeTakeFirst()
  // Hash even without an owner so a miss takes as long as a wrong password.
  return (await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)) && user !== undefined
}

/** The value an owner session must carry to be valid now. */
export async function ownerSessionTag(db: Kysely<DB>): Promise<string | null> {
  const user = await db.selectFrom('users').select('session_epoch').where('name', '=', OWNER_NAME).executeTakeFirst()
  return user ? `${OWNER_NAME}:${user.session_epoch}` : null
}

/** Sign-out ends every owner session, including copies of the cookie elsewhere. */
export async function endOwnerSessions(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('users')
    .set(eb => ({ session_epoch: eb('session_epoch', '+', 1) }))
    .where('name', '=', OWNER_NAME)
    .execute()
}
