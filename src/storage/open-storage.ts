import type { Config } from '../config.ts'
import { FolderStorage } from './folder.ts'
import { S3Storage } from './s3.ts'
import type { Storage } from './storage.ts'

const built = new WeakMap<Config, Storage>()

/**
 * The store a configuration names: the bucket when ALBUMLINK_S3_BUCKET is
 * set, else the thumbnails folder. Built once per configuration, so the app
 * and the library jobs started with it share one client.
 */
export function storageFor(config: Pick<Config, 'thumbsDir' | 's3'>): Storage {
  const known = built.get(config as Config)
  if (known) return known
  const storage = config.s3 ? new S3Storage(config.s3) : new FolderStorage(config.thumbsDir)
  built.set(config as Config, storage)
  return storage
}
