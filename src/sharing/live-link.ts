import { sql, type Expression, type SqlBool } from 'kysely'

/**
 * "The link is live": it never expires, or its expiry is still ahead. The
 * one spelling of it, for every query that joins or updates `links`.
 */
export const liveLink = (now: string): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref('links.expires_at')} is null or ${sql.ref('links.expires_at')} > ${now})`
