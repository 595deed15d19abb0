import t from 'tap'
import http from 'node:http'
import { readdirSync } from 'node:fs'
import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildTestApp } from '../helper.ts'
import { newUid } from '../../src/util/ids.ts'
import { albumOfKind, expectedUids, openLink, readZip, share } from './visitor-helpers.ts'

const openFds = (): number => readdirSync('/proc/self/fd').length

t.test(
  'a client leaving mid-zip leaves no file open',
  { skip: process.platform !== 'linux' && 'needs /proc' },
  async t => {
    const { app, db, config } = await buildTestApp(t)
    // Large sparse files: far more than socket buffers hold, yet instant to make.
    await mkdir(join(config.originals, 'big'), { recursive: true })
    const now = new Date().toISOString()
    for (let i = 0; i < 4; i++) {
      const path = `big/${i}.jpg`
      await writeFile(join(config.originals, path), '')
      await truncate(join(config.originals, path), 64 * 1024 * 1024)
      await db
        .insertInto('photos')
        .values({
          uid: newUid('p'),
          path,
          hash: null,
          mime: 'image/jpeg',
          bytes: 64 * 1024 * 1024,
          mtime_ms: 0,
          width: 1,
          height: 1,
          taken_at: `2020-01-0${i + 1}T12:00:00`,
          taken_at_utc: null,
          lat: null,
          lng: null,
          country_code: null,
          country: null,
          state: null,
          folder: 'big',
          title: null,
          description: null,
          camera: null,
          indexed_at: now,
          error: null
        })
        .execute()
    }
    const album = await db
      .insertInto('albums')
      .values({
        uid: newUid('a'),
        kind: 'folder',
        slug: 'big',
        title: 'big',
        description: '',
        filter: 'big',
        cover_photo_id: null,
        created_at: now,
        updated_at: now
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const link = await share(db, album, 'zip-abort-0001')
    const cookie = await openLink(app, link.token)

    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    const settle = async (baseline: number): Promise<number> => {
      for (let i = 0; i < 40 && openFds() > baseline; i++) await sleep(25)
      return openFds()
    }
    const baseline = openFds()

    for (let round = 0; round < 3; round++) {
      const received = await new Promise<number>((resolve, reject) => {
        const req = http.get(
          {
            agent: false,
            port,
            host: '127.0.0.1',
            path: `/s/${link.token}/${album.uid}/download`,
            headers: { cookie }
          },
          res => {
            res.once('data', (chunk: Buffer) => {
              req.destroy()
              resolve(chunk.length)
            })
          }
        )
        req.on('error', err => {
          if (!req.destroyed) reject(err)
        })
      })
      t.ok(received > 0, `round ${round + 1}: the zip started`)
      t.equal(await settle(baseline), baseline, `round ${round + 1}: every file handle is closed again`)
    }

    const small = await albumOfKind(db, 'moment')
    const smallLink = await share(db, small, 'zip-complete-0001')
    const smallCookie = await openLink(app, smallLink.token)
    const zip = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(
          {
            agent: false,
            port,
            host: '127.0.0.1',
            path: `/s/${smallLink.token}/${small.uid}/download`,
            headers: { cookie: smallCookie }
          },
          res => {
            const chunks: Buffer[] = []
            res
              .on('data', (c: Buffer) => chunks.push(c))
              .on('end', () => resolve(Buffer.concat(chunks)))
              .on('error', reject)
          }
        )
        .on('error', reject)
    })
    t.equal(
      (await readZip(zip)).size,
      (await expectedUids(db, small)).length,
      'a complete download over a real socket is whole'
    )
    t.equal(await settle(baseline), baseline, 'and leaves nothing open')
  }
)
