import t from 'tap'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface Run {
  output: () => string
  /** Polls the output every 50 ms for up to timeoutMs (30 s). */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>
  exited: Promise<number | null>
  stop: () => Promise<number | null>
}

/**
 * A command in a child process without a terminal (pipes, as a service manager runs it), with only the given ALBUMLINK_
 * variables.
 */
function run(file: string, args: string[], env: Record<string, string>): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ALBUMLINK_')))
  const child = spawn(file, args, { cwd: ROOT, env: { ...clean, ...env } })
  let text = ''
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  return {
    output: () => text,
    exited,
    waitFor: async (pattern, timeoutMs = 30_000) => {
      for (let i = 0; i < timeoutMs / 50; i++) {
        const match = pattern.exec(text)
        if (match) return match
        if (child.exitCode !== null) break
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      throw new Error(`no ${String(pattern)} in output:\n${text}`)
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return await exited
    }
  }
}

/** `albumlink <command>` */
const cli = (command: string, env: Record<string, string>): Run =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', command], env)
const serve = (env: Record<string, string>): Run => cli('serve', env)

async function library(t: { teardown: (fn: () => unknown) => void }): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'albumlink-cli-'))
  await mkdir(join(dir, 'photos'))
  t.teardown(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  return { ALBUMLINK_DATA: join(dir, 'data'), ALBUMLINK_ORIGINALS: join(dir, 'photos'), ALBUMLINK_PORT: '0' }
}

t.test('serve prints its URL and a generated password once, and stops on SIGTERM', async t => {
  const env = await library(t)
  const first = serve(env)
  const [, url] = await first.waitFor(/albumlink is listening on (http:\/\/127\.0\.0\.1:\d+)/)
  const [, password] = await first.waitFor(/Owner password \(shown once.*\): (\S+)/)
  t.ok(password.length >= 16, 'a long generated password')
  await first.waitFor(/Indexed 0 files/)
  t.same(await (await fetch(`${url}/healthz`)).json(), { ok: true, indexing: false })
  t.equal(await first.stop(), 0)
  t.match(first.output(), 'SIGTERM: shutting down')

  const second = serve(env)
  await second.waitFor(/Indexed 0 files/)
  t.equal(await second.stop(), 0)
  t.notMatch(second.output(), 'Owner password', 'not shown again')
})

t.test('a configured password is never printed', async t => {
  const run = serve({ ...(await library(t)), ALBUMLINK_PASSWORD: 'whatever123' })
  await run.waitFor(/Indexed 0 files/)
  await run.stop()
  t.notMatch(run.output(), /password|whatever123/i)
})

t.test('bad configuration: one readable line and exit code 1', async t => {
  const run = serve({ ...(await library(t)), ALBUMLINK_PORT: 'abc' })
  t.equal(await run.exited, 1)
  t.equal(run.output().trim(), 'Invalid configuration: ALBUMLINK_PORT must be integer (got "abc")')
})

t.test('a port in use: a readable error, and the generated password is not lost', async t => {
  const env = await library(t)
  const blocker = createServer().listen(0, '127.0.0.1')
  await once(blocker, 'listening')
  t.teardown(() => {
    blocker.close()
  })
  const port = String((blocker.address() as { port: number }).port)
  const run = serve({ ...env, ALBUMLINK_PORT: port })
  t.equal(await run.exited, 1)
  t.match(run.output(), `Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`)
  t.notMatch(run.output(), /\n\s+at /, 'no stack trace')

  const retry = serve(env)
  await retry.waitFor(/Owner password \(shown once/)
  await retry.stop()
})

t.test('demo writes to the data folder and never touches ALBUMLINK_ORIGINALS', async t => {
  const env = await library(t)
  await writeFile(join(env.ALBUMLINK_ORIGINALS, 'mine.jpg'), 'precious')
  const run = cli('demo', env)
  t.equal(await run.exited, 0)
  t.match(run.output(), `Wrote 63 demo photos and videos to ${join(env.ALBUMLINK_DATA, 'demo-originals')}`)
  t.same(await readdir(env.ALBUMLINK_ORIGINALS), ['mine.jpg'])
  t.ok((await readdir(join(env.ALBUMLINK_DATA, 'demo-originals'))).includes('2024'))
})

t.test('a photo folder that does not exist is a readable error', async t => {
  const env = await library(t)
  const run = serve({ ...env, ALBUMLINK_ORIGINALS: join(env.ALBUMLINK_ORIGINALS, 'nope') })
  t.equal(await run.exited, 1)
  t.match(run.output().trim(), /^The photo folder \S+nope does not exist or is not a folder \(ALBUMLINK_ORIGINALS\)\.$/)
})

t.test('npm start without a terminal stops cleanly on SIGTERM within 5 s', async t => {
  const start = run('npm', ['start'], await library(t))
  const [, url] = await start.waitFor(/albumlink is listening on (http:\/\/127\.0\.0\.1:\d+)/)
  await start.waitFor(/Indexed 0 files/)
  const sent = Date.now()
  await start.stop()
  let listening = true
  while (listening && Date.now() - sent < 5000) {
    listening = await fetch(`${url}/healthz`).then(
      () => true,
      () => false
    )
    if (listening) await new Promise(resolve => setTimeout(resolve, 100))
  }
  t.notOk(listening, 'the server is gone within 5 s')
  t.match(start.output(), 'SIGTERM: shutting down', 'the signal reached the server')
})

t.test('signing in succeeds on the first try, right after /login first answers', async t => {
  const blocker = createServer().listen(0, '127.0.0.1')
  await once(blocker, 'listening')
  const port = (blocker.address() as { port: number }).port
  await new Promise(resolve => blocker.close(resolve))
  const server = serve({
    ...(await library(t)),
    ALBUMLINK_PORT: String(port),
    ALBUMLINK_PASSWORD: 'first-try-password'
  })
  let page: Response | null = null
  for (let i = 0; i < 4000 && !page; i++) {
    page = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null)
    if (!page) await new Promise(resolve => setTimeout(resolve, 5))
  }
  if (!page) throw new Error(`the server never answered:\n${server.output()}`)
  const cookie = page.headers
    .getSetCookie()
    .map(c => c.split(';')[0])
    .join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const login = await fetch(`http://127.0.0.1:${port}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, password: 'first-try-password' })
  })
  t.equal(login.status, 303, 'the owner exists before the server answers')
  await server.waitFor(/Indexed 0 files/)
  await server.stop()
})

t.test('a first start without a photo folder listens at once, then writes, indexes and albums the demo', async t => {
  const { ALBUMLINK_ORIGINALS: _none, ...env } = await library(t)
  const first = serve({ ...env, ALBUMLINK_PASSWORD: 'whatever123' })
  t.teardown(first.stop)
  const [, url] = await first.waitFor(/albumlink is listening on (http:\/\/127\.0\.0\.1:\d+)/)
  t.same(await (await fetch(`${url}/healthz`)).json(), { ok: true, indexing: true }, 'the demo is written as the index')
  await first.waitFor(/Made the demo's manual albums/, 120_000)
  const output = first.output()
  const demo = join(env.ALBUMLINK_DATA, 'demo-originals')
  t.ok(
    output.indexOf('albumlink is listening') <
      output.indexOf(`Created a demo library of 63 photos and videos in ${demo}`)
  )
  t.match(output, 'Indexed 63 files (63 new or changed, 0 unreadable)')
  t.same(await (await fetch(`${url}/healthz`)).json(), { ok: true, indexing: false })
})

t.test('without working video tools the start says so once, and indexes the rest', async t => {
  const run = serve({
    ...(await library(t)),
    ALBUMLINK_FFMPEG: '/nonexistent/ffmpeg',
    ALBUMLINK_PASSWORD: 'whatever123'
  })
  t.teardown(run.stop)
  await run.waitFor(/Indexed 0 files/)
  await run.waitFor(/Videos will be listed as unreadable: video tools unavailable/)
  t.equal(run.output().split('Videos will be listed as unreadable').length, 2, 'said once')
})
