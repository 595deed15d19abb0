import fp from 'fastify-plugin'
import { Gate } from '../library/gate.ts'

export interface LimitSettings {
  /** scrypt checks running at once, server-wide (sign-in and link unlocks together): hashing must never starve serving. */
  passwordChecks: number
  /** Visitor zips streaming at once, server-wide and per client. */
  zips: number
  zipsPerClient: number
  /** A zip whose client has read nothing for this long is ended. */
  zipStallMs: number
}

export const DEFAULT_LIMITS: LimitSettings = { passwordChecks: 1, zips: 16, zipsPerClient: 2, zipStallMs: 60_000 }

export interface Limits {
  passwordChecks: Gate
  zips: Gate
  zipStallMs: number
}

/** Server-wide caps on expensive work; more than the cap is refused at once (429 or 503), never queued. */
export default fp<{ settings?: Partial<LimitSettings> }>(async (app, options) => {
  const settings = { ...DEFAULT_LIMITS, ...options.settings }
  app.decorate('limits', {
    passwordChecks: new Gate(settings.passwordChecks),
    zips: new Gate(settings.zips, settings.zipsPerClient),
    zipStallMs: settings.zipStallMs
  } satisfies Limits)
}, { name: 'limits' })
