import { request } from 'node:http'

/**
 * A sign-in flood in its own process: `clients` loops posting wrong
 * passwords, each request from the next loopback address (127.0.1.x), so the
 * per-client limit does not stop it and only the server-wide gate can.
 * Usage: login-flood.ts <origin> <clients>; runs until killed, until its
 * parent closes its stdin (so it never outlives the benchmark), or until the
 * server stops answering.
 */
const [origin, clients] = [process.argv[2], Number(process.argv[3] ?? 16)]
const page = await fetch(`${origin}/login`)
const cookie = page.headers
  .getSetCookie()
  .map(c => c.split(';')[0])
  .join('; ')
const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
const body = new URLSearchParams({ _csrf: csrf, password: 'not-the-password' }).toString()
let address = 0
const post = async (): Promise<void> =>
  await new Promise(resolve => {
    const localAddress = `127.0.1.${(address++ % 250) + 1}`
    const req = request(
      `${origin}/login`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body)
        }
      },
      res => {
        res.resume()
        res.on('end', resolve)
      }
    )
    req.on('error', () => {
      process.exit(0)
    })
    req.end(body)
  })
process.stdin
  .on('close', () => process.exit(0))
  .on('end', () => process.exit(0))
  .resume()
for (let i = 0; i < clients; i++) {
  void (async () => {
    for (;;) await post()
  })()
}
