import type { FastifyReply } from 'fastify'
import type { Photo } from '../../db/schema.ts'
import { mapPlaces, photoFeatures, type PhotoUrls } from '../../library/map-features.ts'
import { render } from '../../views/pages.ts'

export const DEFAULT_MAP_STYLE = '/static/map/style.json'
// The offline basemap has nothing finer than state borders: opening closer would show an empty plain.
const FIT_ZOOM = { offline: 7, tiles: 13 }

export interface MapPage {
  title: string
  /** Where the arrow in the app bar goes: the album. */
  back: string
  /** The GeoJSON of the same photos, for the client script. */
  dataUrl: string
  /** A photo uid to centre on and highlight (ignored when it is not on the map). */
  focus?: string
  visitor: boolean
  /** Extra view data (the visitor's album base for the app bar actions). */
  [key: string]: unknown
}

/**
 * The map page, shared by owner and visitor: the map itself is drawn by
 * public/js/map.js from `dataUrl`; the list of places is what works without it.
 */
export async function sendMapPage(
  reply: FastifyReply,
  styleUrl: string | undefined,
  photos: Photo[],
  urls: PhotoUrls,
  page: MapPage
): Promise<FastifyReply> {
  return await render(reply, 'pages/map', {
    ...page,
    bodyClass: 'map-page',
    styleUrl: styleUrl ?? DEFAULT_MAP_STYLE,
    fitZoom: styleUrl ? FIT_ZOOM.tiles : FIT_ZOOM.offline,
    places: mapPlaces(photos, urls)
  })
}

export async function sendMapData(reply: FastifyReply, photos: Photo[], urls: PhotoUrls): Promise<FastifyReply> {
  return await reply
    .type('application/geo+json; charset=utf-8')
    .header('cache-control', 'private, no-cache')
    .send(photoFeatures(photos, urls))
}
