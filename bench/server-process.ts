import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface ServerProcess {
  origin: string
  close: () => Promise<void>
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * A server in a child process (`node --import tsx <script> …args`), so it has
 * a core and an event loop of its own; resolves once it prints
 * "listening on <origin>". It exits when the bench closes its stdin.
 */
export async function startServerProcess(
  script: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => {
      resolve()
    })
  )
  const origin = await new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(text)
      if (match) resolve(match[1])
    })
    child.once('exit', code => {
      reject(new Error(`${script} exited (${String(code)}) before listening:\n${text}`))
    })
  })
  child.stdout.resume()
  return {
    origin,
    close: async () => {
      child.stdin.end()
      child.kill('SIGTERM')
      await exited
    }
  }
}
