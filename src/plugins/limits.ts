import fp from 'fastify-plugin'
import { Gate } from '../util/gate.ts'
import { DutyCycleGate } from '../util/duty-cycle-gate.ts'

export interface LimitSettings {
  /**
   * The share of time scrypt may run, server-wide (sign-in and link unlocks
   * together, one check at a time): hashing must never starve serving.
   */
  passwordCheckShare: number
  /** Visitor zips streaming at once, server-wide and per client. */
  zips: number
  zipsPerClient: number
  /** A zip whose client has read nothing for this long is ended. */
  zipStallMs: number
}

export const DEFAULT_LIMITS: LimitSettings = {
  passwordCheckShare: 0.25,
  zips: 16,
  zipsPerClient: 2,
  zipStallMs: 60_000
}

export interface Limits {
  passwordChecks: DutyCycleGate
  zips: Gate
  zipStallMs: number
}

/** Server-wide caps on expensive work; more than the cap is refused at once (429 or 503), never queued. */
export default fp<{ settings?: Partial<LimitSettings> }>(
  async (app, options) => {
    const settings = { ...DEFAULT_LIMITS, ...options.settings }
    app.decorate('limits', {
      passwordChecks: new DutyCycleGate(settings.passwordCheckShare, () => app.now().getTime()),
      zips: new Gate(settings.zips, settings.zipsPerClient),
      zipStallMs: settings.zipStallMs
    } satisfies Limits)
  },
  { name: 'limits' }
)
