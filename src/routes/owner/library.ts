import type { TypedApp } from '../../types.ts'
import { countPhotos, libraryPage, PAGE_SIZE } from '../../library/photos.ts'
import { SelectionQuery } from './params.ts'
import { selectionView } from './selection-view.ts'
import { countProblems } from '../../library/problems.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

/**
 * All photos, newest first (a selection form, like an album's), and the Archive (the only place archived photos show).
 */
export default async function libraryRoutes(app: TypedApp): Promise<void> {
  for (const [path, archived, title] of [
    [ownerUrls.photos, false, 'Photos'],
    [ownerUrls.archive, true, 'Archive']
  ] as const) {
    app.get(path, { schema: { querystring: SelectionQuery } }, async (request, reply) => {
      const page = request.query.page
      const [photos, total, problems, selection] = await Promise.all([
        libraryPage(app.db, archived, page),
        countPhotos(app.db, archived),
        countProblems(app.db),
        selectionView(app.db, request.query)
      ])
      return await render(reply, 'pages/owner/library', {
        title,
        archived,
        photos,
        page,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        problems,
        ...selection
      })
    })
  }
}
