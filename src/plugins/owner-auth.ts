import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ownerSessionTag } from '../library/owner-account.ts'

/**
 * True when the request carries an owner session that has not been ended
 * since (sign-out and password changes bump the epoch the tag carries). The
 * one test of "is this the owner", for routes and error pages alike.
 */
export async function isOwner(app: FastifyInstance, request: FastifyRequest): Promise<boolean> {
  const tag = request.session?.get('owner')
  return tag !== undefined && tag === (await ownerSessionTag(app.db))
}
