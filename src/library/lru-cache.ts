/**
 * A small least-recently-used map. Visitor routes key it with dataVersion()
 * (src/db/connect.ts), so any write anywhere makes every older entry
 * unreachable: a photo made private disappears at once. Grants are never
 * cached; the token is resolved against the database on every request.
 */
export class LruCache<T> {
  private readonly entries = new Map<string, T>()

  constructor (private readonly size: number) {}

  get (key: string): T | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set (key: string, value: T): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string)
  }
}
