import { access, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { addPhotos, createAlbum } from '../albums/manual.ts'

/** Manual albums of the demo, each by the demo paths it holds (a prefix takes a whole folder). */
const DEMO_ALBUMS = [
  { title: 'Italy 2024', description: 'Two weeks in Tuscany and Rome.', paths: ['2024/tuscany/', '2024/rome/'] },
  {
    title: 'Best of the year',
    description: 'One favourite from every trip.',
    paths: [
      '2024/tuscany/01-',
      '2024/rome/03-',
      '2024/paris/01-',
      '2024/munich/01-',
      '2025/berlin/01-',
      '2025/california/01-',
      '2025/new-york/02-',
      '2025/california/IMG_4711'
    ]
  },
  { title: 'At home', description: '', paths: ['home/0', 'home/10-'] }
]

/**
 * Hidden beside the demo photos (the indexer skips it): the albums were made once and may since be edited or deleted.
 */
const MARKER = '.albumlink-demo-albums'

/** Gives a freshly indexed demo library its manual albums, once. Returns how many were made. */
export async function ensureDemoAlbums(db: Kysely<DB>, originals: string): Promise<number> {
  if (
    await access(join(originals, MARKER)).then(
      () => true,
      () => false
    )
  ) {
    return 0
  }
  const photos = await db
    .selectFrom('photos')
    .select(['uid', 'path'])
    .where('error', 'is', null)
    .orderBy('path')
    .execute()
  if (photos.length === 0) return 0
  for (const album of DEMO_ALBUMS) {
    const made = await createAlbum(db, { title: album.title, description: album.description })
    await addPhotos(
      db,
      made.id,
      photos.filter(p => album.paths.some(prefix => p.path.startsWith(prefix))).map(p => p.uid)
    )
  }
  await writeFile(join(originals, MARKER), 'The demo albums were made; albumlink does not make them again.\n')
  return DEMO_ALBUMS.length
}
