import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import S3rver from 's3rver'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import type { Storage } from '../src/storage/storage.ts'

/** s3rver knows this account; it checks no V4 signature, but does check presigned URLs' expiry. */
const KEY = 'S3RVER'

export interface S3Server {
  endpoint: string
  /** Every request the server got, as `METHOD /bucket/key?query`. */
  requests: string[]
  /** A new, empty bucket, and the ALBUMLINK_S3_* variables that point at it. */
  bucket: () => Promise<{ name: string; env: Record<string, string> }>
  /** Requests for objects of this bucket since `from` (an index into `requests`): reads (GET/HEAD) by default. */
  objectRequests: (bucket: string, from?: number, methods?: string[]) => string[]
}

interface TestT {
  teardown: (fn: () => unknown) => void
}

/** s3rver in this process, on a random loopback port, storing in a temporary folder; stopped at teardown. */
export async function startS3Server(t: TestT): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'albumlink-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
  const { port } = await server.run()
  const requests: string[] = []
  server.httpServer.on('request', (req: { method?: string; url?: string }) => {
    requests.push(`${req.method} ${req.url}`)
  })
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: KEY, secretAccessKey: KEY }
  })
  t.teardown(async () => {
    client.destroy()
    await server.close()
    await rm(directory, { recursive: true, force: true })
  })
  return {
    endpoint,
    requests,
    bucket: async () => {
      const name = `albumlink-${randomBytes(6).toString('hex')}`
      await client.send(new CreateBucketCommand({ Bucket: name }))
      return {
        name,
        env: {
          ALBUMLINK_S3_ENDPOINT: endpoint,
          ALBUMLINK_S3_BUCKET: name,
          ALBUMLINK_S3_ACCESS_KEY_ID: KEY,
          ALBUMLINK_S3_SECRET_ACCESS_KEY: KEY,
          ALBUMLINK_S3_FORCE_PATH_STYLE: '1'
        }
      }
    },
    objectRequests: (bucket, from = 0, methods = ['GET', 'HEAD']) =>
      requests.slice(from).filter(r => methods.includes(r.split(' ')[0]) && r.split(' ')[1].startsWith(`/${bucket}/`))
  }
}

/** Puts every file under `dir` into the store under its relative path (the demo's thumbnails). */
export async function copyFolderToStorage(dir: string, storage: Storage): Promise<number> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(f => f.isFile())
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const path = join(files[next].parentPath, files[next++].name)
      await storage.put(path.slice(dir.length + 1), await readFile(path))
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  return files.length
}
