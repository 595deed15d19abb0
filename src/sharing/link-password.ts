import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { hashPassword, verifyPassword } from '../util/passwords.ts'

export const LINK_PASSWORD_RULE = 'A link password has 8 to 200 characters.'

export type PasswordChange = { ok: true; hash?: string | null } | { ok: false; error: string }

/**
 * What the link form asks for: keep the password (empty field), set a new
 * one, or remove it. Only the scrypt hash is ever stored.
 */
export async function passwordChange(typed: string | undefined, remove: boolean): Promise<PasswordChange> {
  if (remove) return { ok: true, hash: null }
  if (!typed) return { ok: true }
  if (typed.length < 8 || typed.length > 200) return { ok: false, error: LINK_PASSWORD_RULE }
  return { ok: true, hash: await hashPassword(typed) }
}

export const checkLinkPassword = async (hash: string, password: string): Promise<boolean> =>
  await verifyPassword(password, hash)

/** The stored hash, read only where a password is checked: it never travels with a grant. */
export async function linkPasswordHash(db: Kysely<DB>, linkId: number): Promise<string | null> {
  const row = await db.selectFrom('links').select('password_hash').where('id', '=', linkId).executeTakeFirst()
  return row?.password_hash ?? null
}
