import { writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { benchVisitorServing } from './web.ts'
import { benchZip } from './zip.ts'
import { benchIndexing } from './indexing.ts'
import { benchMediaIndexing } from './media-indexing.ts'
import { benchVideoServing } from './video-serving.ts'
import { benchTokenResolution } from './scale.ts'
import { benchAbuse } from './abuse.ts'
import { benchDatabases } from './databases.ts'
import { TEST_POSTGRES } from '../test/databases.ts'
import { table, type Row } from './report.ts'

/**
 * `npm run bench`: every figure next to a baseline measured in the same run
 * (this machine is noisy, ratios are what we compare). `--quick` shrinks
 * everything to seconds; `npm test` runs it only to prove the code works.
 * `--only=media` (or web, zip, indexing, video, abuse, scale; comma-separated)
 * runs those groups alone, and writes no results file unless `--out=` names one.
 */
const quick = process.argv.includes('--quick')
const GROUPS = ['web', 'zip', 'indexing', 'media', 'video', 'abuse', 'scale']
const only = process.argv
  .find(a => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
  .filter(Boolean)
const unknown = only?.filter(g => !GROUPS.includes(g)) ?? []
if (unknown.length > 0) {
  console.error(`unknown bench group ${unknown.join(', ')}: the groups are ${GROUPS.join(', ')}`)
  process.exit(2)
}
const runs = (group: string): boolean => !only || only.includes(group)
const out = process.argv.find(a => a.startsWith('--out='))?.slice(6) ?? (quick || only ? null : 'bench/results.json')
const log = (line: string): void => {
  console.error(line)
}

const rows: Row[] = []
if (runs('web')) {
  log('visitor album page and thumbnail…')
  rows.push(...(await benchVisitorServing(quick ? 1 : 4, quick ? 1 : 3)))
  if (TEST_POSTGRES) {
    log('the same on PostgreSQL…')
    rows.push(...(await benchDatabases(quick ? 1 : 4, quick ? 1 : 3)))
  } else log('PostgreSQL rows skipped: set ALBUMLINK_TEST_DATABASE_URL to a server to measure them')
}
if (runs('zip')) {
  log('zip download…')
  rows.push(...(await benchZip(quick ? 4 : 64, quick ? 2 : 16)))
}
if (runs('indexing')) {
  log('indexing…')
  rows.push(...(await benchIndexing(quick ? 6 : 500)))
}
if (runs('media')) {
  log('indexing a mixed folder of JPEG, HEIC and video…')
  rows.push(
    ...(await benchMediaIndexing(
      quick ? 4 : 200,
      quick ? 1 : 50,
      quick ? 1 : 10,
      quick ? 2 : 10,
      quick ? { width: 320, height: 240 } : undefined,
      quick ? 1 : 5
    ))
  )
}
if (runs('video')) {
  log('video streaming and transcoding…')
  rows.push(
    ...(await benchVideoServing(quick ? 20 : 500, quick ? 2 : 10, quick ? { width: 320, height: 240 } : undefined))
  )
}
if (runs('abuse')) {
  log('abuse: stalled zips and a sign-in flood…')
  rows.push(...(await benchAbuse(quick ? 6 : 200, quick ? 1 : 10, quick ? 1 : 16)))
}
let plan = ''
if (runs('scale')) {
  log('token resolution at scale…')
  const scale = await benchTokenResolution(quick ? 2000 : 100_000, quick ? 200 : 10_000, quick ? 200 : 10_000)
  rows.push(...scale.rows)
  plan = scale.plan
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
console.log(`\nalbumlink benchmarks${quick ? ' (quick mode: sizes too small to mean anything)' : ''} — ${machine}\n`)
console.log(table(rows))
if (plan) console.log(`\nToken look-up query plan:\n${plan}`)
if (out) {
  await writeFile(out, JSON.stringify({ date: new Date().toISOString(), machine, quick, rows, plan }, null, 2) + '\n')
}
