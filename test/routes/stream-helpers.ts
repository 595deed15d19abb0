import http, { type IncomingMessage } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import type { FastifyInstance } from 'fastify'

/**
 * Real JPEGs padded after their end marker to `bytes` each (decoders stop at
 * the marker), so a zip of them is large enough to stall, or to be revoked
 * while it streams. Dated a minute apart, in zip order.
 */
export async function paddedJpegs(dir: string, count: number, bytes: number): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    const jpeg = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 40 * i, g: 120, b: 200 } }
    })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: `2023:04:05 10:${String(i).padStart(2, '0')}:00` } })
      .toBuffer()
    const name = `padded-${i}.jpg`
    await writeFile(join(dir, name), Buffer.concat([jpeg, Buffer.alloc(Math.max(0, bytes - jpeg.length), i + 1)]))
    names.push(name)
  }
  return names
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

export interface Download {
  response: IncomingMessage
  received: Buffer[]
  ended: Promise<'end' | 'aborted'>
}

/**
 * A GET whose body is not read until the caller says so (`response.resume()`):
 * a client that stalls. `localAddress` (127.0.0.x) makes it another client.
 */
export async function startDownload(
  origin: string,
  path: string,
  cookie: string,
  localAddress?: string
): Promise<Download> {
  return await new Promise((resolve, reject) => {
    const request = http.get(`${origin}${path}`, { headers: { cookie }, localAddress, agent: false }, response => {
      response.pause()
      const received: Buffer[] = []
      response.on('data', (chunk: Buffer) => received.push(chunk))
      const ended = new Promise<'end' | 'aborted'>(resolve => {
        response.once('end', () => {
          resolve(response.complete ? 'end' : 'aborted')
        })
        response.once('aborted', () => {
          resolve('aborted')
        })
        response.once('error', () => {
          resolve('aborted')
        })
        response.once('close', () => {
          resolve(response.complete ? 'end' : 'aborted')
        })
      })
      resolve({ response, received, ended })
    })
    request.on('error', reject)
  })
}
