import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { S3Config } from '../config.ts'
import { PRESIGN_MAX_SECONDS, typeOfKey, type ByteRange, type OpenedObject, type Storage } from './storage.ts'
import type { PresignOptions, StoredInfo } from './storage.ts'

/** A miss: HEAD answers 404 `NotFound`, GET `NoSuchKey`; a conditional GET whose object changed, 412. */
const isMissing = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404
}

/**
 * Presigned URLs are signed at the start of a 30 s window and valid 60 s from it: the same object gets the same
 * URL for a while (a browser can reuse what it fetched), and no URL outlives its request by more than 60 s.
 */
const SIGNING_WINDOW_MS = 30_000

/**
 * An S3-compatible bucket (AWS, MinIO, Garage, R2…) through the AWS SDK. Keys
 * are the folder store's paths. Objects are stored with their type, so a
 * presigned URL answers like the app would.
 */
export class S3Storage implements Storage {
  readonly kind = 's3'
  readonly redirects: boolean
  readonly bucket: string
  readonly client: S3Client

  constructor(config: S3Config, client?: S3Client) {
    this.bucket = config.bucket
    this.redirects = config.redirect
    this.client =
      client ??
      new S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials: config.credentials,
        // Checksums only where the service requires them: S3-compatible servers do not all know the newer headers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED'
      })
  }

  async put(key: string, body: Buffer | { file: string }): Promise<void> {
    const file = Buffer.isBuffer(body) ? null : body.file
    const length = file ? (await stat(file)).size : (body as Buffer).length
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: file ? createReadStream(file) : (body as Buffer),
        ContentLength: length,
        ContentType: typeOfKey(key)
      })
    )
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0)
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async stream(key: string, range?: ByteRange, ifMatch?: string): Promise<Readable | null> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          IfMatch: ifMatch
        })
      )
      return res.Body as Readable
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async head(key: string): Promise<StoredInfo | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return { size: res.ContentLength ?? 0, etag: res.ETag ?? '""', lastModified: res.LastModified ?? new Date(0) }
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null
  }

  /** HEAD for the facts, then a GET bound to that version (If-Match): a replaced object is not mixed in. */
  async open(key: string): Promise<OpenedObject | null> {
    const info = await this.head(key)
    if (!info) return null
    return {
      ...info,
      read: async range => {
        const body = await this.stream(key, range, info.etag)
        if (!body) throw new Error(`stored object changed or vanished while being read: ${key}`)
        return body
      },
      close: async () => {}
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
  }

  /** A GET URL valid at most PRESIGN_MAX_SECONDS, answered `private, no-cache` like the app's own replies. */
  async presignedUrl(key: string, options: PresignOptions = {}, now = Date.now()): Promise<string> {
    const signed = now - (now % SIGNING_WINDOW_MS)
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseCacheControl: 'private, no-cache',
      ResponseContentType: options.type ?? typeOfKey(key)
    })
    return await getSignedUrl(this.client, command, {
      expiresIn: Math.min(PRESIGN_MAX_SECONDS, options.expiresIn ?? PRESIGN_MAX_SECONDS),
      signingDate: new Date(signed)
    })
  }

  async writablePath(): Promise<null> {
    return null
  }

  async listKeys(): Promise<Set<string>> {
    const keys = new Set<string>()
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }))
      for (const object of page.Contents ?? []) if (object.Key) keys.add(object.Key)
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return keys
  }
}
