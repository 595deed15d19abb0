import { randomBytes } from 'node:crypto'
import { base32 } from '../util/ids.ts'

/** 128 bits from the CSPRNG, lower-case base32 (26 characters). */
export function generateSecret(): string {
  return base32(randomBytes(16))
}

export const SECRET_RULE = 'A secret is 8 to 64 characters: lower-case letters a–z, digits and dashes.'
// Checked before lower-casing: some non-ASCII letters lower-case to ASCII (the Kelvin sign K becomes k).
const SECRET = /^[A-Za-z0-9-]{8,64}$/

export type SecretCheck = { ok: true; secret: string } | { ok: false; error: string }

function problem(secret: string): string {
  if (secret.length < 8) return 'The secret is too short.'
  if (secret.length > 64) return 'The secret is too long.'
  if (/\s/.test(secret)) return 'The secret has spaces in it.'
  return 'The secret has characters other than letters, digits and dashes.'
}

/** Owner-typed secrets are trimmed and lower-cased, then must match the rule. */
export function normaliseSecret(input: string): SecretCheck {
  const secret = input.trim()
  if (SECRET.test(secret)) return { ok: true, secret: secret.toLowerCase() }
  return { ok: false, error: `${problem(secret)} ${SECRET_RULE}` }
}

/** Token look-ups use the same normalisation, so a URL typed in capitals still works. */
export const normaliseToken = (token: string): string | null => {
  const check = normaliseSecret(token)
  return check.ok ? check.secret : null
}
