import type { FastifyRequest } from 'fastify'
import { visitorUrls } from '../views/urls.ts'

/** Origin for share links: the configured public URL, else the origin the owner is using. */
export function shareBase(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`
}

/** A share link's absolute URL: `base` (an origin) before the album page's path. */
export const shareUrl = (base: string, token: string, albumRef: string): string =>
  `${base}${visitorUrls.album(token, albumRef)}`

/** How a share URL names an album: by slug, unless another album under the same secret has that slug too. */
export const albumRefInUrl = (album: { uid: string; slug: string }, slugSharedUnderToken: boolean): string =>
  slugSharedUnderToken ? album.uid : album.slug

/** After the album page URL (`base`): nothing, a grid page, a photo, or the map (centred on a photo). */
const PAGE_OF_LINK = /^(?:\?page=[1-9]\d{0,5}|\/[a-z0-9]{1,40}|\/map(?:\?photo=[a-z0-9]{1,40})?)?$/

/**
 * Where the password form may send a visitor once the link is unlocked: a
 * page of the same link, else the album page. Anything else (another link,
 * another site, `//host`, a path with dots or escapes) falls back, so the
 * form is no open redirect.
 */
export function pageOfLink(base: string, wanted: string | undefined): string {
  if (wanted === undefined || !wanted.startsWith(base)) return base
  return PAGE_OF_LINK.test(wanted.slice(base.length)) ? wanted : base
}
