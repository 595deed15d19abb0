import type { Session } from '@fastify/secure-session'

export const MAX_TOKENS = 20

/** Tokens this browser has opened, newest last; the oldest drop out past MAX_TOKENS. */
export function rememberToken (session: Session, token: string): boolean {
  const tokens = session.get('tokens') ?? []
  if (tokens.includes(token)) return false
  session.set('tokens', [...tokens, token].slice(-MAX_TOKENS))
  return true
}

export const hasToken = (session: Session, token: string): boolean => (session.get('tokens') ?? []).includes(token)

export function forgetTokens (session: Session): void {
  session.delete()
}
