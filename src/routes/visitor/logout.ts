import type { TypedApp } from '../../types.ts'
import { endVisitorSession } from '../../sharing/ended-sessions.ts'
import { render } from '../../views/pages.ts'
import { visitorUrls } from '../../views/urls.ts'

/**
 * The power icon ends the visitor session on the server: its id is recorded
 * as ended, so a saved copy of the cookie is worth nothing, then the cookie
 * is cleared and the browser is sent to the goodbye page (a reload does not
 * post again). No CSRF token is needed: the visitor cookie is SameSite=Lax,
 * so a cross-site POST carries no session to end.
 */
export default async function logoutRoutes(app: TypedApp): Promise<void> {
  app.post('/logout', async (request, reply) => {
    const sid = request.visitor.get('sid')
    if (sid !== undefined) {
      await endVisitorSession(app.db, sid, request.visitor.get('iat') ?? app.now().getTime(), app.now())
    }
    request.visitor.delete()
    return await reply.redirect(visitorUrls.goodbye, 303)
  })

  // "goodbye" is shorter than any secret (8 characters at least), so it can never shadow a link.
  app.get(
    '/goodbye',
    async (_request, reply) => await render(reply, 'pages/visitor/goodbye', { title: 'Session ended', visitor: true })
  )
}
