import { resolve, join } from 'node:path'
import envSchema from 'env-schema'
import ipaddr from 'ipaddr.js'
import { Type, type Static } from '@sinclair/typebox'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
type LogLevel = (typeof LOG_LEVELS)[number]

const EnvSchema = Type.Object({
  ALBUMLINK_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 2342 }),
  ALBUMLINK_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  ALBUMLINK_DATA: Type.String({ minLength: 1, default: './data' }),
  ALBUMLINK_ORIGINALS: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),
  ALBUMLINK_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+(/.*)?$' })),
  ALBUMLINK_MAP_STYLE: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_LOG_LEVEL: Type.Unsafe<LogLevel>({ type: 'string', enum: LOG_LEVELS, default: 'info' }),
  ALBUMLINK_TRUST_PROXY: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_FFMPEG: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_FFPROBE: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  ALBUMLINK_S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/]+/?$' })),
  ALBUMLINK_S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  ALBUMLINK_S3_REGION: Type.String({ pattern: '^[a-z0-9-]+$', default: 'us-east-1' }),
  ALBUMLINK_S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_S3_FORCE_PATH_STYLE: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_S3_REDIRECT: Type.Optional(Type.String({ minLength: 1 })),
  ALBUMLINK_SESSION_KEY: Type.Optional(Type.String({ minLength: 1 }))
})
type Env = Static<typeof EnvSchema>

export interface Config {
  port: number
  host: string
  dataDir: string
  /** Folder of the photos; the demo library when not configured. */
  originals: string
  isDemo: boolean
  password?: string
  /** Origin (and optional prefix) used in share URLs, without trailing slash. */
  publicUrl?: string
  secureCookies: boolean
  mapStyle?: string
  logLevel: string
  /**
   * Which peers may tell the client address, protocol and host in
   * X-Forwarded-* headers: false (none), a hop count, or proxy addresses/CIDRs.
   */
  trustProxy: false | number | string[]
  /** A postgres:// URL (ALBUMLINK_DATABASE_URL), else the SQLite file in the data folder. */
  database: string
  thumbsDir: string
  /**
   * Keys that sign and encrypt session cookies (ALBUMLINK_SESSION_KEY): the first seals new cookies, all open
   * them, so a key can be rotated. When unset, one is generated into `sessionKeyFile`.
   */
  sessionKeys?: Buffer[]
  sessionKeyFile: string
  /** ffmpeg and ffprobe to use instead of the bundled ones. */
  ffmpeg?: string
  ffprobe?: string
  /** Where thumbnails, posters, renditions and previews are kept: `thumbsDir`, or this bucket. */
  s3?: S3Config
}

export interface S3Config {
  /** An S3-compatible service (MinIO, Garage, R2…); AWS S3 itself when unset. */
  endpoint?: string
  bucket: string
  region: string
  /** Both or neither: without them the SDK's usual chain (environment, instance role) is used. */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted services want this). */
  forcePathStyle: boolean
  /** Granted thumbnail and video requests answer 302 to a presigned URL valid at most 60 s. */
  redirect: boolean
}

export class ConfigError extends Error {}

interface EnvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

const HINTS: Record<string, string> = {
  'ALBUMLINK_PUBLIC_URL/pattern': 'must be an http:// or https:// URL such as https://photos.example.org',
  'ALBUMLINK_DATABASE_URL/pattern': 'must be a PostgreSQL URL such as postgres://albumlink:secret@db:5432/albumlink',
  'ALBUMLINK_S3_ENDPOINT/pattern': 'must be an http:// or https:// origin such as https://s3.example.org:9000',
  'ALBUMLINK_S3_BUCKET/pattern': 'must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens',
  'ALBUMLINK_S3_REGION/pattern': 'must be a region name such as us-east-1'
}

/** Never echoed in an error: they hold passwords or keys. */
const SECRETS = new Set([
  'ALBUMLINK_PASSWORD',
  'ALBUMLINK_DATABASE_URL',
  'ALBUMLINK_SESSION_KEY',
  'ALBUMLINK_S3_SECRET_ACCESS_KEY'
])

function describe(e: EnvError, env: Record<string, string | undefined>): string {
  const name = e.instancePath.slice(1)
  const hint =
    HINTS[`${name}/${e.keyword}`] ??
    (e.keyword === 'enum' ? `must be one of ${(e.params.allowedValues as string[]).join(', ')}` : e.message)
  return SECRETS.has(name) ? `${name} ${hint}` : `${name} ${hint} (got ${JSON.stringify(env[name])})`
}

/** The one place that reads the environment. Empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const data = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('ALBUMLINK_') && v !== ''))
  let parsed: Env
  try {
    // env: false, or env-schema would merge process.env under the values given here.
    parsed = envSchema<Env>({ schema: EnvSchema, data, env: false, dotenv: false })
  } catch (err) {
    const errors = (err as { errors?: EnvError[] }).errors ?? []
    const details = errors.length > 0 ? errors.map(e => describe(e, data)).join('; ') : (err as Error).message
    throw new ConfigError(`Invalid configuration: ${details}`)
  }
  return configFrom(parsed)
}

const TRUST_PROXY_HINT =
  'ALBUMLINK_TRUST_PROXY must be a number of proxy hops (1 for one reverse proxy) or a comma-separated ' +
  'list of proxy addresses or CIDRs such as 127.0.0.1,10.0.0.0/8'

/**
 * Off, a hop count, or a list of addresses/CIDRs; never "trust everyone", which would let any client choose its
 * address.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '' || text === 'false' || text === 'off' || text === '0') return false
  if (/^\d+$/.test(text)) return Number(text)
  const entries = text
    .split(',')
    .map(e => e.trim())
    .filter(Boolean)
  const bad = entries.find(e => !isAddressOrCidr(e))
  if (bad !== undefined || entries.length === 0) {
    throw new ConfigError(`${TRUST_PROXY_HINT} (got ${JSON.stringify(value)})`)
  }
  return entries
}

function isAddressOrCidr(entry: string): boolean {
  try {
    if (entry.includes('/')) ipaddr.parseCIDR(entry)
    else ipaddr.parse(entry)
    return true
  } catch {
    return false
  }
}

function configFrom(env: Env): Config {
  const dataDir = resolve(env.ALBUMLINK_DATA)
  const publicUrl = env.ALBUMLINK_PUBLIC_URL?.replace(/\/+$/, '')
  return {
    port: env.ALBUMLINK_PORT,
    host: env.ALBUMLINK_HOST,
    dataDir,
    originals: env.ALBUMLINK_ORIGINALS ? resolve(env.ALBUMLINK_ORIGINALS) : join(dataDir, 'demo-originals'),
    isDemo: !env.ALBUMLINK_ORIGINALS,
    password: env.ALBUMLINK_PASSWORD,
    publicUrl,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    mapStyle: env.ALBUMLINK_MAP_STYLE,
    logLevel: env.ALBUMLINK_LOG_LEVEL,
    trustProxy: parseTrustProxy(env.ALBUMLINK_TRUST_PROXY),
    database: env.ALBUMLINK_DATABASE_URL ?? join(dataDir, 'albumlink.db'),
    thumbsDir: join(dataDir, 'thumbs'),
    sessionKeys: parseSessionKeys(env.ALBUMLINK_SESSION_KEY),
    sessionKeyFile: join(dataDir, 'session.key'),
    ffmpeg: env.ALBUMLINK_FFMPEG,
    ffprobe: env.ALBUMLINK_FFPROBE,
    s3: s3From(env)
  }
}

const SESSION_KEY_HINT =
  'ALBUMLINK_SESSION_KEY must be one or more comma-separated keys of 32 random bytes, each as 64 hex digits or ' +
  'in base64 (make one with: openssl rand -hex 32)'

/** The session keys, newest first; never echoed in an error (they are secrets). */
export function parseSessionKeys(value: string | undefined): Buffer[] | undefined {
  if (value === undefined || value.trim() === '') return undefined
  return value.split(',').map((text, i) => {
    const key = text.trim()
    const bytes = /^[0-9a-f]{64}$/i.test(key)
      ? Buffer.from(key, 'hex')
      : /^[A-Za-z0-9+/_-]{43}=?$/.test(key)
        ? Buffer.from(key, 'base64')
        : undefined
    if (bytes?.length !== 32) throw new ConfigError(`${SESSION_KEY_HINT} (key ${i + 1} is not)`)
    return bytes
  })
}

/** Yes or no, as people write it in an environment file; anything else is an error naming the variable. */
export function parseSwitch(name: string, value: string | undefined): boolean {
  const text = value?.trim().toLowerCase() ?? ''
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false
  if (['1', 'true', 'yes', 'on'].includes(text)) return true
  throw new ConfigError(`${name} must be 1 or 0 (true/false, yes/no, on/off) (got ${JSON.stringify(value)})`)
}

/** The bucket, when one is configured; any other S3 variable without a bucket is a mistake, not a silent no-op. */
function s3From(env: Env): S3Config | undefined {
  const forcePathStyle = parseSwitch('ALBUMLINK_S3_FORCE_PATH_STYLE', env.ALBUMLINK_S3_FORCE_PATH_STYLE)
  const redirect = parseSwitch('ALBUMLINK_S3_REDIRECT', env.ALBUMLINK_S3_REDIRECT)
  const keyId = env.ALBUMLINK_S3_ACCESS_KEY_ID
  const secret = env.ALBUMLINK_S3_SECRET_ACCESS_KEY
  const bucket = env.ALBUMLINK_S3_BUCKET
  if (!bucket) {
    const stray = (Object.keys(env) as Array<keyof Env>).find(
      k => k.startsWith('ALBUMLINK_S3_') && k !== 'ALBUMLINK_S3_REGION' && env[k] !== undefined
    )
    if (stray) throw new ConfigError(`${stray} is set but ALBUMLINK_S3_BUCKET is not: name the bucket to use`)
    return undefined
  }
  if ((keyId === undefined) !== (secret === undefined)) {
    throw new ConfigError(
      'ALBUMLINK_S3_ACCESS_KEY_ID and ALBUMLINK_S3_SECRET_ACCESS_KEY go together: set both or neither'
    )
  }
  return {
    endpoint: env.ALBUMLINK_S3_ENDPOINT?.replace(/\/+$/, ''),
    bucket,
    region: env.ALBUMLINK_S3_REGION,
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
    forcePathStyle,
    redirect
  }
}
