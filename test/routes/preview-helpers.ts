import sharp from 'sharp'
import type { Kysely } from 'kysely'
import type { Album, DB } from '../../src/db/schema.ts'
import { thumbKey } from '../../src/library/indexer/thumbnails.ts'
import type { Storage } from '../../src/storage/storage.ts'
import { expectedUids } from './visitor-helpers.ts'

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** The page's Open Graph and Twitter card tags, by property or name, with their content unescaped. */
export function previewTags(html: string): Record<string, string> {
  const head = html.slice(0, html.indexOf('</head>'))
  const tags: Record<string, string> = {}
  for (const m of head.matchAll(/<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">/g)) {
    tags[m[1]] = m[2].replace(/&(amp|lt|gt|quot|#39);/g, e => ENTITIES[e])
  }
  return tags
}

export type Rgb = [number, number, number]
export const RED: Rgb = [230, 20, 20]
export const GREEN: Rgb = [20, 200, 40]
export const BLUE: Rgb = [20, 40, 220]
export const YELLOW: Rgb = [240, 220, 20]

/** Replaces a photo's view thumbnail (what previews are made from) with one flat colour. */
export async function paintView(storage: Storage, hash: string, [r, g, b]: Rgb): Promise<void> {
  await storage.put(
    thumbKey(hash, 'view'),
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r, g, b } } })
      .webp({ quality: 90 })
      .toBuffer()
  )
}

/** The colour of the pixel at (x, y) of an encoded image. */
export async function pixel(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at], data[at + 1], data[at + 2]]
}

/** Within `tolerance` per channel (JPEG shifts flat colours a little). */
export const near = (found: Rgb, wanted: Rgb, tolerance = 24): boolean =>
  found.every((c, i) => Math.abs(c - wanted[i]) <= tolerance)

/** The album's visible photos in date order, with their content hashes (written apart from the app's queries). */
export async function visibleInOrder(
  db: Kysely<DB>,
  album: Album
): Promise<Array<{ uid: string; hash: string; id: number }>> {
  const uids = await expectedUids(db, album)
  const rows = await db
    .selectFrom('photos')
    .select(['uid', 'hash', 'id', 'taken_at'])
    .where('uid', 'in', uids)
    .orderBy('taken_at')
    .orderBy('id')
    .execute()
  return rows.map(r => ({ uid: r.uid, hash: r.hash as string, id: r.id }))
}
