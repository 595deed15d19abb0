import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Album, AlbumKind, Photo } from '../db/schema.ts'
import type { AlbumSummary, CoverPhoto } from '../library/albums/summaries.ts'
import type { GridPhoto, Neighbours } from '../library/photos.ts'
import type { MapPlace } from '../library/map-features.ts'
import type { Problem } from '../library/problems.ts'
import type { RenditionProgress } from '../library/index-state.ts'
import type { Playback } from '../library/media/playback.ts'
import type { LinkPreview } from '../sharing/link-preview.ts'
import type { LinkRow, RowError } from '../sharing/link-rows.ts'
import type { OverviewFilter, OverviewRow, OverviewSort, SortColumn } from '../sharing/overview.ts'
import type { SelectionView } from '../routes/owner/selection-view.ts'
import type { SortHeader } from '../routes/owner/links-sort.ts'
import type { Extension } from '../sharing/expiry.ts'
import type { icon } from './icons.ts'
import type { dateTimeTitle, dayTitle, rangeTitle } from './dates.ts'
import type { countTitle, durationTitle, sizeTitle } from './media-titles.ts'
import type { Urls } from './urls.ts'

/** What every template reads besides its model (`it.icon(…)`, `it.urls.album(uid)`): the view plugin's helpers. */
export interface ViewHelpers {
  icon: typeof icon
  dayTitle: typeof dayTitle
  dateTimeTitle: typeof dateTimeTitle
  rangeTitle: typeof rangeTitle
  countTitle: typeof countTitle
  durationTitle: typeof durationTitle
  sizeTitle: typeof sizeTitle
  /** Every owner and visitor URL (src/views/urls.ts). */
  urls: Urls
}

/**
 * What each template is given: one model per page, checked where the route
 * renders it. No model holds a secret (a password hash never reaches a view
 * or the page cache). Templates read these as `it`; the layout reads `Layout`.
 */
interface Layout {
  title: string
  /** Visitor pages: no owner navigation, noindex. */
  visitor?: boolean
  bodyClass?: string
  /** Link preview tags (Open Graph, Twitter card) of a visitor page. */
  preview?: LinkPreview
}

interface Paged {
  page: number
  pages: number
}

type SummarizedAlbum = Album & { summary: AlbumSummary }
export type VisitorAlbumCard = SummarizedAlbum & { locked?: boolean }
type OwnerAlbumCard = SummarizedAlbum & { shared: boolean }
type OverviewLink = OverviewRow & { url: string; cover: CoverPhoto | null; extensions: Extension[] }

interface PhotoPage extends Layout {
  photo: Photo
  playback: Playback | null
}

export interface Pages {
  error: Layout & { status: number; message: string; owner?: boolean; csrf?: string; path?: string }
  'pages/login': Layout & { csrf: string; next: string; error: string | null }
  'pages/map': Layout & {
    back: string
    dataUrl: string
    focus?: string
    styleUrl: string
    fitZoom: number
    places: MapPlace[]
  }
  'pages/owner/library': Layout & Paged & SelectionView & { archived: boolean; photos: GridPhoto[]; problems: number }
  'pages/owner/list': Layout & {
    kind: AlbumKind
    empty: string
    groups: Array<{ heading: string; items: OwnerAlbumCard[] }>
    indexing: boolean
  }
  'pages/owner/album': Layout &
    Paged &
    SelectionView & {
      album: Album
      summary: AlbumSummary
      photos: GridPhoto[]
      linkCount: number
      listPath: string
    }
  'pages/owner/album-form': Layout & {
    album: Album | null
    fields: { title: string; description: string }
    error: string | null
  }
  'pages/owner/album-delete': Layout & { album: Album }
  'pages/owner/album-add': Layout & Paged & { album: Album; photos: GridPhoto[] }
  'pages/owner/photo': PhotoPage & { album: Album | null; around: Neighbours | null; listPath?: string }
  'pages/owner/problems': Layout & {
    path: string
    problems: Problem[]
    indexing: boolean
    renditions: RenditionProgress
  }
  'pages/owner/share': Layout & {
    album: Album
    rows: Array<LinkRow & { qr: string }>
    originWarning: string | null
    open: number | undefined
    error: RowError | null
    listPath: string
  }
  'pages/owner/link-delete': Layout & { album: Album; row: LinkRow; listPath: string }
  'pages/owner/links': Layout & {
    links: OverviewLink[]
    filter: OverviewFilter
    sort: OverviewSort
    headers: Record<SortColumn, SortHeader>
    kinds: readonly AlbumKind[]
    originWarning: string | null
  }
  'pages/visitor/album': Layout &
    Paged & {
      album: Album
      base: string
      token: string
      summary: AlbumSummary
      photos: GridPhoto[]
      several: boolean
      downloads: boolean
      /** The grid's "Select all" without JavaScript (`?select=all`). */
      selectAll: boolean
    }
  'pages/visitor/albums': Layout & { token: string; cards: VisitorAlbumCard[] }
  'pages/visitor/photo': PhotoPage & { album: Album; base: string; downloads: boolean; around: Neighbours }
  'pages/visitor/password': Layout & { album: Album; base: string; next: string; error: string | null }
  'pages/visitor/invalid': Layout
  'pages/visitor/too-many': Layout & { message?: string }
  'pages/visitor/busy': Layout
  'pages/visitor/goodbye': Layout
}

export type PageName = keyof Pages

/** Renders a page into the reply; the model must be the one its template expects. */
export async function render<P extends PageName>(reply: FastifyReply, page: P, model: Pages[P]): Promise<FastifyReply> {
  return await reply.view(page, model)
}

/** Renders a page to a string (for pages kept in a cache, or replies made outside routing). */
export async function renderToString<P extends PageName>(
  app: FastifyInstance,
  page: P,
  model: Pages[P]
): Promise<string> {
  return await app.view(page, model)
}
