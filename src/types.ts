import '@fastify/view'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault
} from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { DB } from './db/schema.ts'
import type { Config } from './config.ts'
import type { IndexState } from './library/index-state.ts'
import type { Storage } from './storage/storage.ts'
import type { Limits } from './plugins/limits.ts'
import type { LinkStats } from './sharing/link-stats.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>
    config: Config
    indexState: IndexState
    /** Thumbnails, posters, renditions and previews: the thumbnails folder or an S3 bucket (src/storage). */
    storage: Storage
    limits: Limits
    /** Photo views, downloads and last visits of links, buffered (see sharing/link-stats.ts). */
    linkStats: LinkStats
    /** Clock used for link expiry; tests replace it. */
    now: () => Date
  }
  interface FastifyRequest {
    /** The visitor's session (its own cookie and key), separate from the owner's `session`. */
    visitor: import('@fastify/secure-session').Session
  }
  interface FastifyReply {
    /** Template values every page of the scope gets (@fastify/view merges them into the data). */
    locals: Record<string, unknown> | undefined
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    owner: string
    /** Random id of the visitor session; the power icon records it as ended on the server. */
    sid: string
    /** When the visitor session began (ms since the epoch). */
    iat: number
    /** Share tokens this browser has opened, oldest first. */
    tokens: string[]
    /** Password-protected links unlocked in this browser: link id → password version and when. */
    unlocked: Record<string, { v: number; at: number }>
  }
}

/** The app as route plugins see it: TypeBox schemas type each route's params, query and body. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>
