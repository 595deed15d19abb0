import type { Kysely } from 'kysely'
import type { Static } from '@sinclair/typebox'
import type { DB } from '../../db/schema.ts'
import { findAlbum, listAlbums } from '../../library/albums/albums.ts'
import type { SelectionQuery } from './params.ts'

export interface SelectionView {
  selectAll: boolean
  /** Where a selection can be added: the manual albums, except the one shown. */
  targets: Array<{ uid: string; title: string }>
  notice: { done: string; n: number; target: { uid: string; title: string } | null } | null
}

/**
 * What a grid page needs for its selection form: the no-JS "Select all", the albums to add to, what the last action
 * did.
 */
export async function selectionView(
  db: Kysely<DB>,
  query: Static<typeof SelectionQuery>,
  shownAlbumId?: number
): Promise<SelectionView> {
  const [manual, target] = await Promise.all([listAlbums(db, 'album'), query.to ? findAlbum(db, query.to) : undefined])
  return {
    selectAll: query.select === 'all',
    targets: manual.filter(a => a.id !== shownAlbumId).map(a => ({ uid: a.uid, title: a.title })),
    notice: query.done
      ? { done: query.done, n: query.n, target: target ? { uid: target.uid, title: target.title } : null }
      : null
  }
}
