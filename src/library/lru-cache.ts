import { LRUCache } from 'lru-cache'

/**
 * A least-recently-used map (lru-cache) that may also hold null. Visitor routes
 * key it with dataVersion() (src/db/connect.ts), so any write anywhere makes
 * every older entry unreachable: a photo made private disappears at once.
 * Grants are never cached; the token is resolved against the database on every request.
 */
export class LruCache<T> {
  // lru-cache keeps no null or undefined values, so each value is boxed.
  private readonly entries: LRUCache<string, { value: T }>

  constructor (size: number) {
    this.entries = new LRUCache({ max: size })
  }

  get (key: string): T | undefined {
    return this.entries.get(key)?.value
  }

  set (key: string, value: T): void {
    this.entries.set(key, { value })
  }
}
