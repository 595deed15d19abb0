import t from 'tap'
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Process ids whose command line holds `marker`. */
async function processesWith(marker: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,args=']).catch(() => ({ stdout: '' }))
  return stdout
    .split('\n')
    .filter(line => line.includes(marker) && !line.includes('ps -eo'))
    .map(line => line.trim().split(' ')[0])
}

t.test('an ffmpeg still running when the process exits is killed with it', async t => {
  const marker = `albumlink-exit-test-${process.pid}`
  const script = `
    import { runTool, toolPaths } from './src/library/media/tools.ts'
    runTool(toolPaths().ffmpeg, ['-v', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=duration=120', '-metadata', 'title=${marker}', '-f', 'null', '-'], { timeoutMs: 600_000 }).catch(() => {})
    setTimeout(() => { console.log('started'); process.exit(0) }, 1500)`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  await once(child, 'exit')
  t.match(out, 'started', 'the tool was running when its parent exited')
  await new Promise(resolve => setTimeout(resolve, 300))
  t.same(await processesWith(marker), [], 'no ffmpeg outlives its parent')
})
