import type { Migration } from 'kysely'
import * as m0001 from './0001_initial.ts'
import * as m0002 from './0002_link_options.ts'

/** Every migration, in order. Adding one means adding its line here. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_link_options': m0002
}
