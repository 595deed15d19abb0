import { Type } from '@sinclair/typebox'
import {
  DEFAULT_SORT,
  SORT_COLUMNS,
  type OverviewFilter,
  type OverviewSort,
  type SortColumn,
  type SortOrder
} from '../../sharing/overview.ts'
import { ownerUrls } from '../../views/urls.ts'

const COLUMNS = Object.keys(SORT_COLUMNS) as SortColumn[]

/** `?sort=visits&order=desc`: plain links in the column headers, so sorting works without JavaScript. */
export const SortQuery = {
  sort: Type.Optional(Type.Union(COLUMNS.map(c => Type.Literal(c)))),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')]))
}

export function sortOf(query: { sort?: SortColumn; order?: SortOrder }): OverviewSort {
  if (!query.sort) return DEFAULT_SORT
  return { column: query.sort, order: query.order ?? SORT_COLUMNS[query.sort].first }
}

export interface SortHeader {
  href: string
  ariaSort: 'ascending' | 'descending' | 'none'
  hint: string
}

/**
 * What each sortable header links to: its column in the order a first
 * click wants, or the other way round when it is already the sort; the
 * filters stay as they are.
 */
export function sortHeaders(filter: OverviewFilter, sort: OverviewSort): Record<SortColumn, SortHeader> {
  const headers = {} as Record<SortColumn, SortHeader>
  for (const column of COLUMNS) {
    const current = sort.column === column
    const order: SortOrder = current ? (sort.order === 'asc' ? 'desc' : 'asc') : SORT_COLUMNS[column].first
    const params = new URLSearchParams()
    if (filter.kind) params.set('kind', filter.kind)
    if (filter.state) params.set('state', filter.state)
    params.set('sort', column)
    params.set('order', order)
    headers[column] = {
      href: ownerUrls.links(params),
      ariaSort: current ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none',
      hint: order === 'asc' ? 'sort ascending' : 'sort descending'
    }
  }
  return headers
}
