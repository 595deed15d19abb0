import { randomBytes } from 'node:crypto'
import type { Session } from '@fastify/secure-session'

export const MAX_TOKENS = 20
/** How long a visitor cookie lives; an ended session id is remembered as long. */
export const VISITOR_SESSION_SECONDS = 30 * 24 * 3600

/**
 * The session's random id, started now if it has none: with its issue time,
 * which the power icon records as ended on the server and which bounds how
 * long the session is remembered as counted on a link.
 */
export function startVisitorSession(session: Session, now: Date): { sid: string; expiresAt: Date } {
  let sid = session.get('sid')
  if (sid === undefined) {
    sid = randomBytes(16).toString('base64url')
    session.set('sid', sid)
    session.set('iat', now.getTime())
    session.set('tokens', [])
  }
  return { sid, expiresAt: new Date((session.get('iat') ?? now.getTime()) + VISITOR_SESSION_SECONDS * 1000) }
}

/**
 * Tokens this browser has opened, most recently opened last; past MAX_TOKENS
 * the least recently opened drops out. The first token starts the session.
 * True when the token is new to the session.
 */
export function rememberToken(session: Session, token: string, now: Date): boolean {
  startVisitorSession(session, now)
  const tokens = session.get('tokens') ?? []
  if (tokens.at(-1) === token) return false
  session.set('tokens', [...tokens.filter(t => t !== token), token].slice(-MAX_TOKENS))
  return !tokens.includes(token)
}

/** Only a session with an id holds tokens: a cookie from before ids existed counts as empty. */
export const hasToken = (session: Session, token: string): boolean =>
  session.get('sid') !== undefined && (session.get('tokens') ?? []).includes(token)

export const visitorSessionId = (session: Session): string | undefined => session.get('sid')

/** Empties the session in this request (an ended one replayed): the next opened link starts a new one. */
export function clearVisitorSession(session: Session): void {
  for (const key of ['sid', 'iat', 'tokens', 'unlocked'] as const) session.set(key, undefined)
}
