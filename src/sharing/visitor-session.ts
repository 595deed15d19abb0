import type { Session } from '@fastify/secure-session'

export const MAX_TOKENS = 20

/**
 * Tokens this browser has opened, most recently opened last; past MAX_TOKENS
 * the least recently opened drops out. True when the token is new to the
 * session (a visit to count).
 */
export function rememberToken (session: Session, token: string): boolean {
  const tokens = session.get('tokens') ?? []
  if (tokens.at(-1) === token) return false
  session.set('tokens', [...tokens.filter(t => t !== token), token].slice(-MAX_TOKENS))
  return !tokens.includes(token)
}

export const hasToken = (session: Session, token: string): boolean => (session.get('tokens') ?? []).includes(token)

export function forgetTokens (session: Session): void {
  session.delete()
}
