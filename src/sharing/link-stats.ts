import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { uncountedWrites } from '../db/read-cache.ts'

export type LinkCounter = 'photo_views' | 'downloads' | 'zip_downloads'

type Pending = Record<LinkCounter, number> & { lastVisitAt: string | null }

/**
 * Photo views, downloads and the last visit of each link, counted in memory
 * and written in one transaction every few seconds (and before the owner
 * reads them, and when the server stops), so a visitor's request costs no
 * write of its own. The writes leave the data version alone: the caches of
 * rendered pages and photo membership survive them.
 */
export class LinkStats {
  private pending = new Map<number, Pending>()
  private readonly timer: NodeJS.Timeout
  private flushing: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Kysely<DB>,
    flushMs = 10_000,
    private readonly onError: (err: unknown) => void = () => {}
  ) {
    this.timer = setInterval(() => {
      this.flush().catch(onError)
    }, flushMs)
    this.timer.unref()
  }

  count(linkId: number, counter: LinkCounter): void {
    this.entry(linkId)[counter]++
  }

  /** A visitor opened one of the link's pages. */
  visited(linkId: number, at: Date): void {
    const entry = this.entry(linkId)
    const iso = at.toISOString()
    if (entry.lastVisitAt === null || iso > entry.lastVisitAt) entry.lastVisitAt = iso
  }

  /** Writes what was counted so far; resolves once it is stored (also what an earlier flush was writing). */
  async flush(): Promise<void> {
    const batch = this.pending
    this.pending = new Map()
    this.flushing = this.flushing
      .catch(() => {})
      .then(async () => {
        if (batch.size > 0) await this.write(batch)
      })
    await this.flushing
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.flush().catch(this.onError)
  }

  private entry(linkId: number): Pending {
    let entry = this.pending.get(linkId)
    if (!entry) {
      entry = { photo_views: 0, downloads: 0, zip_downloads: 0, lastVisitAt: null }
      this.pending.set(linkId, entry)
    }
    return entry
  }

  private async write(batch: Map<number, Pending>): Promise<void> {
    await uncountedWrites(this.db)
      .transaction()
      .execute(async trx => {
        for (const [id, p] of batch) {
          await trx
            .updateTable('links')
            .where('id', '=', id)
            .set(eb => ({
              photo_views: eb('photo_views', '+', p.photo_views),
              downloads: eb('downloads', '+', p.downloads),
              zip_downloads: eb('zip_downloads', '+', p.zip_downloads),
              // The later of the stored time and this batch's: a visit counted meanwhile is never moved back.
              last_visit_at:
                p.lastVisitAt === null
                  ? eb.ref('last_visit_at')
                  : sql<string>`case when last_visit_at is null or last_visit_at < ${p.lastVisitAt} then ${p.lastVisitAt} else last_visit_at end`
            }))
            .execute()
        }
      })
  }
}
