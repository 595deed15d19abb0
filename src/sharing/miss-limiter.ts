import { isIPv6 } from 'node:net'

/**
 * One budget per IPv4 address, and per /64 for IPv6: a single host usually
 * holds a whole /64, so counting its addresses one by one would give it
 * unlimited guesses.
 */
export function clientKey (ip: string): string {
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7)
  if (!isIPv6(ip)) return ip
  const [head, tail = ''] = ip.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === '' ? [] : tail.split(':')
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return groups.slice(0, 4).map(g => parseInt(g, 16).toString(16)).join(':') + '::/64'
}

/**
 * Counts failed token look-ups per client in a fixed window. Only misses
 * count, so people using a real link are never slowed; guessing a short
 * owner-chosen secret becomes slow.
 */
export class MissLimiter {
  private readonly misses = new Map<string, { count: number, resetAt: number }>()

  constructor (readonly max = 10, readonly windowMs = 60_000, private readonly clock: () => number = Date.now, private readonly maxClients = 10_000) {}

  blocked (client: string): boolean {
    const entry = this.misses.get(clientKey(client))
    return entry !== undefined && entry.resetAt > this.clock() && entry.count >= this.max
  }

  record (client: string): void {
    const now = this.clock()
    const key = clientKey(client)
    if (this.misses.size >= this.maxClients) this.prune(now)
    const entry = this.misses.get(key)
    if (!entry || entry.resetAt <= now) this.misses.set(key, { count: 1, resetAt: now + this.windowMs })
    else entry.count++
  }

  /** Drops finished windows; under a flood of clients, the oldest windows too, so memory stays bounded. */
  private prune (now: number): void {
    for (const [client, entry] of this.misses) if (entry.resetAt <= now) this.misses.delete(client)
    for (const client of this.misses.keys()) {
      if (this.misses.size < this.maxClients) break
      this.misses.delete(client)
    }
  }
}
