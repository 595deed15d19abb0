import type { Session } from '@fastify/secure-session'

/**
 * Which password-protected links this browser has unlocked, by link id, with
 * the password version that was right at the time. A changed or removed
 * password bumps the version, so old unlocks stop counting at the next request.
 */
export function isUnlocked (session: Session, linkId: number, version: number): boolean {
  return session.get('unlocked')?.[String(linkId)] === version
}

export function rememberUnlock (session: Session, linkId: number, version: number): void {
  const unlocked = { ...(session.get('unlocked') ?? {}), [String(linkId)]: version }
  const ids = Object.keys(unlocked)
  // Bounded like the token list, so the cookie stays small.
  for (const id of ids.slice(0, Math.max(0, ids.length - 20))) delete unlocked[id]
  session.set('unlocked', unlocked)
}
