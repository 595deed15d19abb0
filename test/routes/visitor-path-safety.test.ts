import t from 'tap'
import { execFileSync } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { buildTestApp } from '../helper.ts'
import {
  albumOfKind,
  expectedUids,
  freshClient,
  openLink,
  readZip,
  share,
  unknownLinkBody,
  visit
} from './visitor-helpers.ts'

t.test('originals are read only inside the originals root', async t => {
  const { app, db, config } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder')
  const [outside, linked, folder, fine] = await expectedUids(db, album)
  await db.updateTable('photos').set({ path: '../../etc/passwd' }).where('uid', '=', outside).execute()
  // A symlink that appeared after indexing and points out of the root.
  await symlink('/etc/hostname', join(config.originals, 'escape.jpg'))
  await db.updateTable('photos').set({ path: 'escape.jpg' }).where('uid', '=', linked).execute()
  await db.updateTable('photos').set({ path: album.filter }).where('uid', '=', folder).execute()
  const link = await share(db, album, 'path-safety-0001')
  const cookie = await openLink(app, link.token)
  const base = `/s/${link.token}/${album.uid}`

  for (const [what, uid] of [
    ['a path leaving the root', outside],
    ['a symlink leaving the root', linked],
    ['a path naming a folder', folder]
  ]) {
    const res = await visit(app, `${base}/${uid}/original`, cookie)
    t.equal(res.statusCode, 404, what)
    t.match(res.headers['content-type'], /^text\/html/)
    t.notMatch(res.body, /root:|localhost/, `${what}: nothing of the file`)
    t.notOk(res.headers['content-disposition'])
  }
  t.equal((await visit(app, `${base}/${fine}/original`, cookie)).statusCode, 200, 'the others are served')

  const zip = await visit(app, `${base}/download`, cookie)
  t.equal(zip.statusCode, 200)
  const entries = await readZip(zip.rawPayload)
  t.equal(
    entries.size,
    (await expectedUids(db, album)).length - 3,
    'all three are left out of the zip, the rest is there'
  )
  t.notOk(
    [...entries.values()].some(b => b.toString('latin1').includes('root:')),
    'no system file in the zip'
  )
})

t.test(
  'a symlink into a hidden folder is not indexed, and one that appears later answers like an unknown link',
  async t => {
    const dir = await mkdtemp(join(tmpdir(), 'albumlink-hidden-'))
    t.teardown(async () => {
      await rm(dir, { recursive: true, force: true })
    })
    await mkdir(join(dir, 'visible'))
    await mkdir(join(dir, '.hidden'))
    const jpeg = async (file: string, r: number): Promise<void> => {
      await sharp({ create: { width: 32, height: 24, channels: 3, background: { r, g: 90, b: 60 } } })
        .jpeg()
        .toFile(join(dir, file))
    }
    await jpeg('visible/a.jpg', 10)
    await jpeg('visible/b.jpg', 20)
    await jpeg('.hidden/secret.jpg', 250)
    await symlink('../.hidden/secret.jpg', join(dir, 'visible', 'peek.jpg'))
    const { app, db } = await buildTestApp(t, { library: { originals: dir } })
    const paths = (await db.selectFrom('photos').select('path').orderBy('path').execute()).map(p => p.path)
    t.same(paths, ['visible/a.jpg', 'visible/b.jpg'], 'the symlink into the hidden folder is skipped')

    const album = await db
      .selectFrom('albums')
      .selectAll()
      .where('kind', '=', 'folder')
      .where('filter', '=', 'visible')
      .executeTakeFirstOrThrow()
    const b = await db.selectFrom('photos').select('uid').where('path', '=', 'visible/b.jpg').executeTakeFirstOrThrow()
    await rm(join(dir, 'visible', 'b.jpg'))
    await symlink('../.hidden/secret.jpg', join(dir, 'visible', 'b.jpg'))
    const link = await share(db, album, 'hidden-peek-0001')
    const cookie = await openLink(app, link.token)
    const original = await visit(app, `/s/${link.token}/${album.uid}/${b.uid}/original`, cookie)
    t.equal(original.statusCode, 404)
    t.equal(original.body, await unknownLinkBody(app), 'the uniform invalid-link page, not "form expired"')
    const zip = await readZip((await visit(app, `/s/${link.token}/${album.uid}/download`, cookie)).rawPayload)
    t.equal(zip.size, 1, 'the zip leaves it out')
  }
)

t.test('a FIFO at an indexed path is refused, and never blocks anyone else', async t => {
  const { app, db, config } = await buildTestApp(t)
  const album = await albumOfKind(db, 'folder')
  const [fifoUid, other] = await expectedUids(db, album)
  const { path } = await db.selectFrom('photos').select('path').where('uid', '=', fifoUid).executeTakeFirstOrThrow()
  const fifo = join(config.originals, path)
  await rm(fifo)
  execFileSync('mkfifo', [fifo])
  // Were a reader stuck in open(), a writer opening the FIFO would set it free, so the run can end even if the test
  // fails.
  t.teardown(() => {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch {}
  })
  const link = await share(db, album, 'fifo-in-album-01')
  const cookie = await openLink(app, link.token)
  const base = `/s/${link.token}/${album.uid}`
  // More than libuv's four pool threads, each of which a blocking open would hold forever.
  const opening = [
    ...Array.from({ length: 6 }, async () => await visit(app, `${base}/${fifoUid}/original`, cookie, freshClient())),
    ...Array.from({ length: 6 }, async () => await visit(app, `${base}/download`, cookie, freshClient()))
  ]
  const timeout = async (what: string): Promise<never> =>
    await new Promise((_resolve, reject) => setTimeout(() => reject(new Error(`${what} hung`)), 20_000))
  const thumb = await Promise.race([visit(app, `${base}/${other}/thumb/tile`, cookie), timeout('the thumbnail')])
  t.equal(thumb.statusCode, 200, 'a thumbnail is served meanwhile')
  const answers = await Promise.race([Promise.all(opening), timeout('the FIFO requests')])
  const invalid = await unknownLinkBody(app)
  for (const res of answers.slice(0, 6)) {
    t.ok(res.statusCode === 404 && res.body === invalid, 'the FIFO original: the invalid-link page')
  }
  for (const res of answers.slice(6)) {
    t.equal(res.statusCode, 200, 'the zip is served')
    t.equal((await readZip(res.rawPayload)).size, (await expectedUids(db, album)).length - 1, 'without the FIFO')
  }
})
