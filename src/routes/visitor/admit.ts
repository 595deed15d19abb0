import type { FastifyInstance, FastifyRequest } from 'fastify'
import { notFound } from '../../plugins/errors.ts'
import { admitVisitor } from '../../sharing/admission.ts'
import type { LinkGrant } from '../../sharing/grants.ts'
import { rememberToken, startVisitorSession } from '../../sharing/visitor-session.ts'

/**
 * A visitor page opens its links: the session (started now if need be) is
 * counted once on each link new to it that still has room, the token joins
 * the session so the page's images, map data and zips follow, and the
 * visit's time is noted. Returns the ids of the links the session may use.
 * A HEAD request (a link checker) is answered as the GET would be, but
 * opens nothing and counts nothing: the links it gets were checked for room.
 */
export async function admit(
  app: FastifyInstance,
  request: FastifyRequest,
  token: string,
  links: LinkGrant[]
): Promise<Set<number>> {
  if (links.length === 0) return new Set()
  if (request.method === 'HEAD') return new Set(links.map(l => l.id))
  const { visitor } = request
  const now = app.now()
  const { sid, expiresAt } = startVisitorSession(visitor, now)
  const fresh = links.filter(l => !l.admitted).map(l => l.id)
  const admitted = await admitVisitor(app.db, { linkIds: fresh, sid, sessionExpiresAt: expiresAt, now })
  for (const link of links) if (link.admitted) admitted.add(link.id)
  for (const id of admitted) app.linkStats.visited(id, now)
  if (admitted.size > 0) rememberToken(visitor, token, now)
  return admitted
}

/** The page's own link; a link that filled up since the scope looked answers like an expired one. */
export async function admitShare(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const { share } = request
  if (!(await admit(app, request, share.token, [share.link])).has(share.link.id)) throw notFound()
}
