import type { Migration } from 'kysely'
import * as m0001 from './0001_initial.ts'
import * as m0002 from './0002_link_options.ts'
import * as m0003 from './0003_owner_session_epoch.ts'
import * as m0004 from './0004_visitor_sessions.ts'
import * as m0005 from './0005_videos.ts'
import * as m0006 from './0006_link_stats.ts'
import * as m0007 from './0007_postgres.ts'
import * as m0008 from './0008_shared_state.ts'

/** Every migration, in order. Adding one means adding its line here. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_link_options': m0002,
  '0003_owner_session_epoch': m0003,
  '0004_visitor_sessions': m0004,
  '0005_videos': m0005,
  '0006_link_stats': m0006,
  '0007_postgres': m0007,
  '0008_shared_state': m0008
}
