import type { TypedApp } from '../../types.ts'
import type { AlbumKind } from '../../db/schema.ts'
import { listAlbums } from '../../library/albums/albums.ts'
import { summarizeAll } from '../../library/albums/summaries.ts'
import { sharedAlbumIds } from '../../sharing/links.ts'
import { render } from '../../views/pages.ts'
import { ownerUrls } from '../../views/urls.ts'

/** A list page of one album kind, at `ownerUrls.list(kind)`. */
interface ListPage {
  kind: AlbumKind
  title: string
  empty: string
  groupBy?: (album: { filter: string; description: string }) => string
}

export const LIST_PAGES: ListPage[] = [
  {
    kind: 'album',
    title: 'Albums',
    empty: 'No albums yet. Create one with the button above, then add photos to it.'
  },
  {
    kind: 'moment',
    title: 'Moments',
    empty:
      'No moments yet. Moments appear when at least three photos were taken within a day of each other in one country.'
  },
  {
    kind: 'month',
    title: 'Calendar',
    empty: 'No dated photos yet. Add photos to the originals folder and rescan.',
    groupBy: a => a.filter.slice(0, 4)
  },
  {
    kind: 'state',
    title: 'States',
    empty: 'No located photos yet. Photos with GPS coordinates are grouped by region here.',
    groupBy: a => a.description || 'Unknown country'
  },
  {
    kind: 'folder',
    title: 'Folders',
    empty: 'No folders yet. Point ALBUMLINK_ORIGINALS at a folder of photos and rescan.'
  }
]

export default async function listRoutes(app: TypedApp): Promise<void> {
  for (const page of LIST_PAGES) {
    app.get(ownerUrls.list(page.kind), async (_request, reply) => {
      const [albums, shared] = await Promise.all([listAlbums(app.db, page.kind), sharedAlbumIds(app.db)])
      const cards = (await summarizeAll(app.db, albums, 'owner')).map(a => ({ ...a, shared: shared.has(a.id) }))
      const groups = new Map<string, typeof cards>()
      for (const card of cards) {
        const key = page.groupBy?.(card) ?? ''
        groups.set(key, [...(groups.get(key) ?? []), card])
      }
      return await render(reply, 'pages/owner/list', {
        title: page.title,
        kind: page.kind,
        empty: page.empty,
        groups: [...groups.entries()].map(([heading, items]) => ({ heading, items })),
        indexing: app.indexState.running
      })
    })
  }
}
