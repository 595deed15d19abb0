import type { FastifyRequest } from 'fastify'

/** Origin for share links: the configured public URL, else the origin the owner is using. */
export function shareBase (request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`
}

export const shareUrl = (base: string, token: string, albumRef: string): string => `${base}/s/${token}/${albumRef}`

/** How a share URL names an album: by slug, unless another album under the same secret has that slug too. */
export const albumRefInUrl = (album: { uid: string, slug: string }, slugSharedUnderToken: boolean): string =>
  slugSharedUnderToken ? album.uid : album.slug
