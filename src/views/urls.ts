import type { AlbumKind } from '../db/schema.ts'
import type { ThumbSize } from '../library/indexer/thumbnails.ts'

/**
 * Every URL albumlink links to or redirects to, spelled once. Routes build
 * redirects and page models with it; templates read it as `it.urls`. The
 * route patterns (`app.get('/albums/:uid/map', …)`) are the other half of
 * each path: a builder's comment names the pattern it fills in. Values go
 * in as they are (uids, slugs, tokens and ids are URL-safe by their
 * schemas); only `login(next)` escapes, as its value is a whole URL.
 * Static assets (`/static/…`, `/vendor/…`) are not here: they are files,
 * not pages.
 */

/** `GET /albums`, `/moments`, … — the list page of each album kind. */
const LIST_PATHS: Record<AlbumKind, string> = {
  album: '/albums',
  moment: '/moments',
  month: '/calendar',
  state: '/states',
  folder: '/folders'
}

/** What follows `/albums/:uid/` on the owner's album routes. */
export type AlbumPart =
  'edit' | 'delete' | 'add' | 'photos' | 'photos/remove' | 'cover' | 'download' | 'share' | 'links' | 'map.geojson'

/** A selection form's actions under `/albums/:uid/selection/…` or `/library/selection/…`. */
export type SelectionAction = 'download' | 'add' | 'private'

/** `?page=N&` before more parameters, or nothing on the first page. */
const pageParam = (page: number, more: boolean): string => (page > 1 ? `page=${page}${more ? '&' : ''}` : '')

/** The owner's pages, forms and media. */
export const ownerUrls = {
  /** `GET /`: to the albums or the sign-in page. */
  home: '/',
  /** `GET /login`, `POST /login`; `?next=` the page to come back to. */
  login: (next?: string): string => (next === undefined ? '/login' : `/login?next=${encodeURIComponent(next)}`),
  logout: '/logout',
  list: (kind: AlbumKind): string => LIST_PATHS[kind],
  /** `GET /albums` (the manual albums' list), `POST /albums` (create one). */
  albums: LIST_PATHS.album,
  newAlbum: '/albums/new',
  photos: '/photos',
  archive: '/archive',
  /** `GET /links`, with the overview's filter and sort parameters. */
  links: (params?: URLSearchParams): string => (params ? `/links?${params.toString()}` : '/links'),
  /** `POST /links/:id/extend`, `/links/:id/delete`; `GET /links/:id/qr.svg`, `/links/:id/qr.png`. */
  linkAction: (id: number, action: 'extend' | 'delete' | 'qr.svg' | 'qr.png'): string => `/links/${id}/${action}`,
  /** The Photos page's selection routes live under `/library`. */
  library: '/library',
  problems: '/library/problems',
  rescan: '/library/rescan',

  /** `GET /albums/:uid` and the routes below it. */
  album: (uid: string, part?: AlbumPart): string => (part ? `/albums/${uid}/${part}` : `/albums/${uid}`),
  /** `GET /albums/:uid/map`, centred on a photo. */
  albumMap: (uid: string, photo?: string): string => `/albums/${uid}/map${photo ? `?photo=${photo}` : ''}`,
  /** `GET /albums/:uid/share`, with one link's row open (and scrolled to). */
  shareDialog: (uid: string, open?: number): string =>
    open === undefined ? `/albums/${uid}/share` : `/albums/${uid}/share?open=${open}#link-${open}`,
  /** The chevron of a link row: the dialog with this row open, or closed again. */
  linkDetails: (uid: string, id: number, isOpen: boolean): string =>
    `/albums/${uid}/share${isOpen ? '' : `?open=${id}`}#link-${id}`,
  /** `POST /albums/:uid/links/:id` (save), `GET`/`POST /albums/:uid/links/:id/delete`. */
  link: (uid: string, id: number, del?: 'delete'): string => `/albums/${uid}/links/${id}${del ? '/delete' : ''}`,
  /** A grid's selection routes: `base` is `album(uid)` or `library`. */
  selection: (base: string, action: SelectionAction): string => `${base}/selection/${action}`,
  /** After a selection action: the same page of the grid, saying what was done (`done`, `n`, `to`). */
  done: (path: string, page: number, done: string, n: number, to?: string): string =>
    `${path}?${new URLSearchParams({ ...(page > 1 ? { page: String(page) } : {}), done, n: String(n), ...(to ? { to } : {}) })}`,

  /** `GET /photos/:uid`, with `?album=` for the arrows and the way back. */
  photo: (uid: string, album?: string | null): string => `/photos/${uid}${album ? `?album=${album}` : ''}`,
  /** `POST /photos/:uid/private`, `/photos/:uid/archive`. */
  photoToggle: (uid: string, which: 'private' | 'archive'): string => `/photos/${uid}/${which}`,
  /** `GET /media/thumb/:uid/:size`. */
  thumb: (uid: string, size: ThumbSize): string => `/media/thumb/${uid}/${size}`,
  /** `GET /media/original/:uid` (`?download=1`: as an attachment). */
  original: (uid: string, download = false): string => `/media/original/${uid}${download ? '?download=1' : ''}`,
  /** `GET /media/video/:uid`. */
  video: (uid: string): string => `/media/video/${uid}`
}

/** A visitor's URLs: everything under `/s` (`routes/visitor/`, registered with that prefix). */
export const visitorUrls = {
  /** `GET /s/:token`: opens a link. */
  open: (token: string): string => `/s/${token}`,
  /** `GET /s/:token/:album`: the album page, the `base` of every URL below. */
  album: (token: string, albumRef: string): string => `/s/${token}/${albumRef}`,
  /** The album page at `?page=N`. */
  page: (base: string, page: number): string => (page > 1 ? `${base}?page=${page}` : base),
  /** `GET /s/:token/:album/:photo`. */
  photo: (base: string, uid: string): string => `${base}/${uid}`,
  /** `GET …/:photo/thumb/:size`. */
  thumb: (base: string, uid: string, size: ThumbSize): string => `${base}/${uid}/thumb/${size}`,
  /** `GET …/:photo/original`, `…/:photo/video`. */
  media: (base: string, uid: string, what: 'original' | 'video'): string => `${base}/${uid}/${what}`,
  /** `GET …/map`, centred on a photo. */
  map: (base: string, photo?: string): string => `${base}/map${photo ? `?photo=${photo}` : ''}`,
  /** `GET …/map.geojson`, `GET`/`POST …/download`, `GET …/preview`, `POST …/unlock`. */
  albumPart: (base: string, part: 'map.geojson' | 'download' | 'preview' | 'unlock'): string => `${base}/${part}`,
  /** `POST /s/logout`: the power icon. */
  logout: '/s/logout',
  goodbye: '/s/goodbye'
}

/** A grid page's own links: `?page=N`, the no-JS "Select all" and its way back. */
export const gridUrls = {
  page: (page: number): string => `?page=${page}`,
  selectAll: (page: number): string => `?${pageParam(page, true)}select=all#grid`,
  clearSelection: (page: number): string => `?${pageParam(page, false)}#grid`
}

/** What templates get as `it.urls`. */
export const urls = { ...ownerUrls, shared: visitorUrls, grid: gridUrls }
export type Urls = typeof urls
