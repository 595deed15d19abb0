import type { TypedApp } from '../../types.ts'
import { Type } from '@sinclair/typebox'
import { notFound } from '../../plugins/errors.ts'
import { linkWithUrl } from '../../sharing/link-url.ts'
import { shareBase } from '../../sharing/share-urls.ts'
import { qrPng, qrSvg } from '../../sharing/qr-code.ts'
import { attachmentHeader } from '../media/send-image.ts'

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })

const FORMATS = {
  svg: { type: 'image/svg+xml; charset=utf-8', render: qrSvg },
  png: { type: 'image/png', render: qrPng }
}

/**
 * A link's QR code to download, as SVG or PNG: it encodes exactly the URL the
 * link's row in the share dialog shows (same origin, same album reference).
 * Owner only, like every route of this scope. Never stored by a cache: the
 * secret, and so the code, can change under the same address.
 */
export default async function qrRoutes(app: TypedApp): Promise<void> {
  for (const [ext, format] of Object.entries(FORMATS)) {
    app.get(`/links/:id/qr.${ext}`, { schema: { params: IdParams } }, async (request, reply) => {
      const found = await linkWithUrl(app.db, request.params.id, shareBase(request, app.config.publicUrl))
      if (!found) throw notFound()
      reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachmentHeader(`${found.album.slug}-link-${found.link.id}-qr.${ext}`))
      return await reply.type(format.type).send(await format.render(found.url))
    })
  }
}
