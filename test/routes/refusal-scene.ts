import { buildTestApp } from '../helper.ts'
import { albumOfKind, expectedUids, photoOutside, setFlag, share } from './visitor-helpers.ts'

const HOUR = 3600_000

/**
 * What the refusal tests turn away, on a new test app (`app`, `db`): a state
 * album with a shown, a private, an archived and an outside photo, shared by a
 * live link, one that expires in an hour and one about to be deleted (tokens
 * `${prefix}-live`, …). `refuse()` deletes the one and lets the other expire.
 */
export async function refusalScene(t: Parameters<typeof buildTestApp>[0], prefix: string) {
  const { app, db, clock } = await buildTestApp(t)
  const album = await albumOfKind(db, 'state')
  const [shown, hidden, archived] = await expectedUids(db, album)
  await setFlag(db, hidden, 'private')
  await setFlag(db, archived, 'archived')
  const stranger = await photoOutside(db, album)
  const live = await share(db, album, `${prefix}-live`)
  const expiring = await share(db, album, `${prefix}-expiring`, new Date(clock.now.getTime() + HOUR).toISOString())
  const deleted = await share(db, album, `${prefix}-deleted`)
  const refuse = async (): Promise<void> => {
    await db.deleteFrom('links').where('id', '=', deleted.id).execute()
    clock.now = new Date(clock.now.getTime() + 2 * HOUR)
  }
  return { app, db, album, shown, hidden, archived, stranger, live, expiring, deleted, refuse }
}
