import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export type AlbumKind = 'album' | 'moment' | 'month' | 'state' | 'folder'
export const ALBUM_KINDS: readonly AlbumKind[] = ['album', 'moment', 'month', 'state', 'folder']

export interface PhotosTable {
  id: Generated<number>
  uid: string
  /** Relative to the originals root, with forward slashes. */
  path: string
  hash: string | null
  mime: string | null
  bytes: number
  mtime_ms: number
  width: number | null
  height: number | null
  /** Local time as shot, `YYYY-MM-DDTHH:MM:SS`. */
  taken_at: string | null
  taken_at_utc: string | null
  /** 1 when taken_at came from the file time, not from the camera. */
  taken_estimated: Generated<number>
  lat: number | null
  lng: number | null
  country_code: string | null
  country: string | null
  state: string | null
  /** Relative directory, '' for the root. */
  folder: string
  title: string | null
  description: string | null
  camera: string | null
  private: Generated<number>
  archived: Generated<number>
  /** 1 when the file has disappeared from the originals folder. */
  missing: Generated<number>
  indexed_at: string
  error: string | null
  /** 'image' or 'video'. */
  media: Generated<MediaType>
  /** Seconds, for videos. */
  duration: number | null
  video_codec: string | null
  audio_codec: string | null
  /** 1 when browsers play the original video as it is; else it gets an H.264 rendition. */
  playable: Generated<number>
  /** For the motion clip of a Live Photo: the still's id (such clips are not listed on their own). */
  companion_of: number | null
}

export type MediaType = 'image' | 'video'

export interface AlbumsTable {
  id: Generated<number>
  uid: string
  kind: AlbumKind
  slug: string
  title: string
  description: Generated<string>
  /** Key of a derived album (`2024-07`, `IT/Tuscany`, `travel/2024`); for manual albums its uid. */
  filter: string
  cover_photo_id: number | null
  created_at: string
  updated_at: string
}

export interface AlbumPhotosTable {
  album_id: number
  photo_id: number
}

export interface LinksTable {
  id: Generated<number>
  token: string
  album_id: number
  expires_at: string | null
  created_at: string
  updated_at: string
  created_by: string | null
  views: Generated<number>
  /** scrypt hash of the link's password; null when the link is open to anyone holding it. */
  password_hash: string | null
  /** Bumped on every password change or removal, which revokes earlier unlocks. */
  password_version: Generated<number>
  allow_downloads: Generated<number>
  /** New visitors are refused once `views` (the visits) reaches this; null: no limit. */
  max_visits: number | null
  photo_views: Generated<number>
  /** Single originals downloaded. */
  downloads: Generated<number>
  zip_downloads: Generated<number>
  last_visit_at: string | null
}

/** Visitor sessions counted on a link (one visit each), kept until their cookie would have expired. */
export interface LinkVisitorsTable {
  link_id: number
  sid: string
  expires_at: string
}

export interface UsersTable {
  id: Generated<number>
  name: string
  password_hash: string
  created_at: string
  /** Part of every owner session; bumping it signs out every copy of every owner cookie. */
  session_epoch: Generated<number>
}

/** Visitor session ids ended with the power icon, kept until their cookie would have expired. */
export interface EndedVisitorSessionsTable {
  id: string
  expires_at: string
}

/** PostgreSQL only (migration 0007): one row whose value statement triggers bump on every visible change. */
export interface ChangeVersionTable {
  id: number
  value: number
}

/** An abuse limit's count for one key (migration 0008), shared by every instance on the database. */
export interface LimitCountersTable {
  key: string
  count: number
  /** The count starts again at 1 after this time. */
  window_ends_ms: number
  last_ms: number
}

/** The instance running a job ('index', 'renditions') now; a row whose heartbeat stopped is taken over. */
export interface IndexRunsTable {
  job: string
  holder: string
  started_ms: number
  heartbeat_ms: number
}

export interface DB {
  photos: PhotosTable
  albums: AlbumsTable
  album_photos: AlbumPhotosTable
  links: LinksTable
  users: UsersTable
  ended_visitor_sessions: EndedVisitorSessionsTable
  link_visitors: LinkVisitorsTable
  change_version: ChangeVersionTable
  limit_counters: LimitCountersTable
  index_runs: IndexRunsTable
}

export type Photo = Selectable<PhotosTable>
export type NewPhoto = Insertable<PhotosTable>
export type PhotoUpdate = Updateable<PhotosTable>
export type Album = Selectable<AlbumsTable>
export type NewAlbum = Insertable<AlbumsTable>
export type Link = Selectable<LinksTable>
export type User = Selectable<UsersTable>
