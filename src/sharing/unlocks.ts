import type { Session } from '@fastify/secure-session'

/** An unlock lasts a day; then the password is asked again. */
export const UNLOCK_MS = 24 * 3600 * 1000

/**
 * Which password-protected links this browser has unlocked, by link id, with
 * the password version that was right at the time and when. A changed or
 * removed password bumps the version, so old unlocks stop counting at the next request.
 */
export function isUnlocked(session: Session, linkId: number, version: number, now: Date): boolean {
  const unlock = session.get('unlocked')?.[String(linkId)]
  return unlock?.v === version && now.getTime() - unlock.at < UNLOCK_MS
}

export function rememberUnlock(session: Session, linkId: number, version: number, now: Date): void {
  const unlocked = { ...(session.get('unlocked') ?? {}), [String(linkId)]: { v: version, at: now.getTime() } }
  const ids = Object.keys(unlocked)
  // Bounded like the token list, so the cookie stays small.
  for (const id of ids.slice(0, Math.max(0, ids.length - 20))) delete unlocked[id]
  session.set('unlocked', unlocked)
}
