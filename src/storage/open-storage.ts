import type { Config } from '../config.ts'
import { FolderStorage } from './folder.ts'
import type { Storage } from './storage.ts'

const built = new WeakMap<object, Promise<Storage>>()

/**
 * The store a configuration names: the bucket when ALBUMLINK_S3_BUCKET is
 * set, else the thumbnails folder. Built once per configuration, so the app
 * and the library jobs started with it share one client. The AWS SDK (0.7 s
 * and ~30 MB to load) is loaded only for a bucket.
 */
export async function storageFor(config: Pick<Config, 'thumbsDir' | 's3'>): Promise<Storage> {
  let storage = built.get(config)
  if (!storage) {
    const s3 = config.s3
    storage = s3
      ? import('./s3.ts').then(({ S3Storage }) => new S3Storage(s3))
      : Promise.resolve(new FolderStorage(config.thumbsDir))
    built.set(config, storage)
  }
  return await storage
}
