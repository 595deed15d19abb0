import type { TypedApp } from '../../types.ts'
import { listProblems } from '../../library/problems.ts'
import { indexThenRender } from '../../library/library-jobs.ts'
import { CsrfBody } from './params.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

/** Files that could not be read, and why; the Rescan button (new files also show up by themselves within a minute). */
export default async function problemRoutes(app: TypedApp): Promise<void> {
  app.get('/library/problems', async (_request, reply) => {
    return await render(reply, 'pages/owner/problems', {
      title: 'Problems',
      path: ownerUrls.photos,
      problems: await listProblems(app.db),
      indexing: app.indexState.running,
      renditions: app.indexState.renditions
    })
  })

  app.post('/library/rescan', { schema: { body: CsrfBody } }, async (request, reply) => {
    indexThenRender(app.db, app.config, app.indexState, {
      log: line => {
        request.log.warn(line)
      }
    }).catch(err => {
      app.log.error({ err }, 'rescan failed')
    })
    return await reply.redirect(ownerUrls.problems, 303)
  })
}
