import type { Album } from '../db/schema.ts'
import type { AlbumSummary } from '../library/albums/summaries.ts'
import { countTitle } from '../views/media-titles.ts'
import { monthRangeTitle } from '../views/dates.ts'
import { PREVIEW_SIZE } from '../library/link-preview-image.ts'
import { visitorUrls } from '../views/urls.ts'

/** What a chat app or social site shows for a share link: the page's Open Graph and Twitter card tags. */
export interface LinkPreview {
  title: string
  /** Null: nothing about the content. */
  description: string | null
  /** Absolute URLs, from the public URL when one is configured. */
  url: string
  image: { url: string; alt: string; width: number; height: number } | null
}

export const TEXT_ONLY_TITLE = 'Shared album'

/** Password links and albums with nothing visible: a neutral title and the URL, nothing about the content. */
export const textOnlyPreview = (url: string, title = TEXT_ONLY_TITLE): LinkPreview => ({
  title,
  description: null,
  url,
  image: null
})

const imageOf = (albumUrl: string, title: string): LinkPreview['image'] => ({
  url: visitorUrls.albumPart(albumUrl, 'preview'),
  alt: `Photos from ${title}`,
  ...PREVIEW_SIZE
})

/**
 * An album page's preview: its title, "24 photos · June 2019" (counts and
 * dates as a visitor sees them) and the preview image served under the same
 * URL. `url` is the album's absolute share URL.
 */
export function albumPreview(
  url: string,
  album: Pick<Album, 'title'>,
  link: { protected: boolean },
  summary: AlbumSummary
): LinkPreview {
  if (link.protected || summary.count === 0) return textOnlyPreview(url)
  const description = [countTitle(summary.count, summary.videoCount), monthRangeTitle(summary.first, summary.last)]
    .filter(Boolean)
    .join(' · ')
  return { title: album.title, description, url, image: imageOf(url, album.title) }
}

export interface ListedAlbum {
  uid: string
  title: string
  protected: boolean
  count: number
}

/**
 * The list of a token that shares several albums (`origin`: of the share URLs):
 * how many, the titles of those open to anyone holding the link, and the
 * first such album's image. Protected and empty albums lend nothing to it.
 */
export function listPreview(origin: string, token: string, albums: ListedAlbum[]): LinkPreview {
  const url = `${origin}${visitorUrls.open(token)}`
  const open = albums.filter(a => !a.protected && a.count > 0)
  if (open.length === 0) return textOnlyPreview(url, 'Shared albums')
  return {
    title: `${albums.length} shared albums`,
    description: open.map(a => a.title).join(' · '),
    url,
    image: imageOf(`${origin}${visitorUrls.album(token, open[0].uid)}`, open[0].title)
  }
}
