import { basename } from 'node:path'
import type { TypedApp } from '../../types.ts'
import type { Album, Photo } from '../../db/schema.ts'
import { notFound } from '../../plugins/errors.ts'
import { neighbours, photoInAlbum } from '../../library/photos.ts'
import { PhotoParams } from './params.ts'
import { playbackOfClip } from '../../library/media/playback.ts'
import { videoClip } from '../../library/live-photos.ts'
import { ReadCache } from '../../db/read-cache.ts'
import { render } from '../../views/pages.ts'
import { renderPasswordPage } from './unlock.ts'
import { admitShare } from './admit.ts'
import { visitorUrls } from '../../views/urls.ts'
import { shareRoute } from './share-scope.ts'

interface PhotoFacts {
  photo: Photo
  clip: Photo | undefined
  around: Awaited<ReturnType<typeof neighbours>>
}

/**
 * A photo's page, which a link may also be opened at: it opens the visitor
 * session like the album page (or shows the password form, returning here),
 * and counts a photo view.
 */
export default async function photoRoutes(app: TypedApp): Promise<void> {
  // What the page shows of the album's data, kept until it changes; only the rendition's progress is read afresh.
  const facts = new ReadCache<PhotoFacts | null>(app.db, 2000)
  const factsOf = async (album: Album, uid: string): Promise<PhotoFacts | null> =>
    await facts.get(`${album.id}|${uid}`, async () => {
      const photo = await photoInAlbum(app.db, album, 'visitor', uid)
      if (!photo) return null
      const [clip, around] = await Promise.all([videoClip(app.db, photo), neighbours(app.db, album, 'visitor', photo)])
      return { photo, clip, around }
    })

  app.get('/:token/:album/:photo', shareRoute('page', { params: PhotoParams }), async (request, reply) => {
    const { share } = request
    const { album, link, base } = share
    if (share.locked) {
      return await renderPasswordPage(reply, share, null, visitorUrls.photo(base, request.params.photo))
    }
    const found = await factsOf(album, request.params.photo)
    if (!found) throw notFound()
    const { photo, clip, around } = found
    await admitShare(app, request)
    if (request.method === 'GET') app.linkStats.count(link.id, 'photo_views')
    return await render(reply, 'pages/visitor/photo', {
      playback: await playbackOfClip(app.storage, photo, clip),
      title: photo.title ?? basename(photo.path),
      visitor: true,
      bodyClass: 'viewer',
      album,
      downloads: link.allowDownloads,
      base,
      photo,
      around
    })
  })
}
