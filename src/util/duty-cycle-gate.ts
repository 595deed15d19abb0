import type { Leave } from './gate.ts'

const MAX_REST_MS = 2000

/**
 * One at a time, and busy at most `share` of the time: after work that took
 * d ms the gate stays shut for d·(1/share − 1) ms. A flood of sign-ins then
 * keeps scrypt on a quarter of one core instead of a whole one, which on a
 * small server is the difference between slower and starved. Who finds it
 * shut is refused at once (429), never queued. The app's clock may jump
 * (tests, NTP): a rest never exceeds MAX_REST_MS, and a shut time further
 * ahead than that is ignored.
 */
export class DutyCycleGate {
  private busy = false
  private shutUntil = 0

  constructor(
    readonly share: number,
    private readonly now: () => number
  ) {}

  tryEnter(): Leave | null {
    const start = this.now()
    const shutFor = this.shutUntil - start
    if (this.busy || (shutFor > 0 && shutFor <= MAX_REST_MS)) return null
    this.busy = true
    let left = false
    return () => {
      if (left) return
      left = true
      this.busy = false
      const end = this.now()
      this.shutUntil = end + Math.min((end - start) * (1 / this.share - 1), MAX_REST_MS)
    }
  }
}
