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
  ALBUMLINK_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' }))
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
  sessionKeyFile: string
  /** ffmpeg and ffprobe to use instead of the bundled ones. */
  ffmpeg?: string
  ffprobe?: string
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
  'ALBUMLINK_DATABASE_URL/pattern': 'must be a PostgreSQL URL such as postgres://albumlink:secret@db:5432/albumlink'
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
    sessionKeyFile: join(dataDir, 'session.key'),
    ffmpeg: env.ALBUMLINK_FFMPEG,
    ffprobe: env.ALBUMLINK_FFPROBE
  }
}
