import type { TypedApp } from '../../types.ts'
import { notFound } from '../../plugins/errors.ts'
import { previewPhotoHashes } from '../../library/preview-photos.ts'
import { linkPreviewImage, previewKey } from '../../library/link-preview-image.ts'
import { AlbumParams } from './params.ts'
import { shareRoute } from './share-scope.ts'

/**
 * The link-preview image (`og:image`): chat apps fetch it without cookies, so
 * it needs no session, but the share is resolved live like every visitor
 * route (access `preview`: a protected link gets the one 404). It shows only
 * photos a visitor may see; an album with none has no preview image. The
 * ETag is the content key, so a revalidation makes nothing; `private,
 * no-cache` keeps revocation instant. Chat apps' web clients may show the
 * image from their own origin, so it may be embedded cross-origin.
 */
export default async function previewRoutes(app: TypedApp): Promise<void> {
  app.get('/:token/:album/preview', shareRoute('preview', { params: AlbumParams }), async (request, reply) => {
    const hashes = await previewPhotoHashes(app.db, request.share.album)
    if (hashes.length === 0) throw notFound()
    const headers = {
      etag: `"preview-${previewKey(hashes)}"`,
      'cache-control': 'private, no-cache',
      'cross-origin-resource-policy': 'cross-origin'
    }
    if (request.headers['if-none-match'] === headers.etag) return await reply.headers(headers).code(304).send()
    const jpeg = await linkPreviewImage(app.storage, hashes)
    if (!jpeg) throw notFound()
    return await reply.headers(headers).type('image/jpeg').send(jpeg)
  })
}
