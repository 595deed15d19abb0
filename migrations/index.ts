import type { Migration } from 'kysely'
import * as m0001 from './0001_initial.ts'

/** Every migration, in order. Adding one means adding its line here. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001
}
