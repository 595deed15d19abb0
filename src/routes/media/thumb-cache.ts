import { LRUCache } from 'lru-cache'
import type { Storage } from '../../storage/storage.ts'

/** Memory for thumbnail bytes per store: about 3,000 tiles, or a few hundred views. */
const MAX_BYTES = 64 * 1024 * 1024
const MAX_ENTRY_BYTES = 512 * 1024

const caches = new WeakMap<Storage, LRUCache<string, Buffer>>()

/**
 * A thumbnail's bytes, the most used kept in memory. Thumbnail keys are
 * content hashes, so the bytes under a key never change and nothing needs
 * invalidating; whether a visitor may see them is decided before this is
 * asked. A shared link's grid is fetched by every visitor alike: served from
 * memory it costs no file read, or no bucket request on object storage.
 */
export async function thumbBytes(storage: Storage, key: string): Promise<Buffer | null> {
  let cache = caches.get(storage)
  if (!cache) {
    cache = new LRUCache({ maxSize: MAX_BYTES, maxEntrySize: MAX_ENTRY_BYTES, sizeCalculation: b => b.length })
    caches.set(storage, cache)
  }
  const kept = cache.get(key)
  if (kept) return kept
  const body = await storage.get(key)
  if (body) cache.set(key, body)
  return body
}
