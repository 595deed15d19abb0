import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../helper.ts'

// Proves the benchmark code runs end to end; asserts nothing about speed.
// Its own time limit: on a loaded two-core machine the quick run alone can take three minutes.
t.setTimeout(330_000)
t.test('npm run bench -- --quick produces a full table', async t => {
  const out = join(await mkdtemp(join(tmpdir(), 'albumlink-bench-smoke-')), 'results.json')
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/run.ts'), '--quick', `--out=${out}`],
    { cwd: ROOT, timeout: 300_000 }
  )
  const results = JSON.parse(await readFile(out, 'utf8'))
  t.equal(results.rows.length, 16)
  for (const row of results.rows) t.ok(Number.isFinite(row.albumlink) && row.albumlink >= 0, row.benchmark)
  t.match(stdout, '| benchmark | albumlink |')
  t.match(results.plan, /USING INDEX/)
})
