import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildTestApp, type BuildOptions } from '../helper.ts'
import { openLink, share } from './visitor-helpers.ts'
import { listen, paddedJpegs, startDownload, type Download } from './stream-helpers.ts'

const MB = 1024 * 1024

/** A folder album of three 8 MiB photos, shared, opened, and the app listening on a real port. */
async function bigSharedAlbum(t: Parameters<typeof buildTestApp>[0], limits: BuildOptions['limits']) {
  const originals = await mkdtemp(join(tmpdir(), 'albumlink-bigzip-'))
  t.teardown(async () => {
    await rm(originals, { recursive: true, force: true })
  })
  await paddedJpegs(join(originals, 'big'), 3, 8 * MB)
  const ctx = await buildTestApp(t, { library: { originals }, limits })
  const album = await ctx.db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', 'folder')
    .where('filter', '=', 'big')
    .executeTakeFirstOrThrow()
  const link = await share(ctx.db, album, `bigzip-${Math.random().toString(36).slice(2, 10)}`)
  const cookie = await openLink(ctx.app, link.token)
  const origin = await listen(ctx.app)
  const zipPath = `/s/${link.token}/${album.uid}/download`
  const downloads: Download[] = []
  const download = async (client: number): Promise<Download> => {
    const d = await startDownload(origin, zipPath, cookie, `127.0.0.${client}`)
    downloads.push(d)
    return d
  }
  // Stalled clients hold their connections; end them before the app closes.
  t.teardown(() => {
    for (const d of downloads) d.response.destroy()
  })
  return { ...ctx, album, link, download }
}

const bytesOf = (d: Download): Buffer => Buffer.concat(d.received)
const pause = async (ms: number): Promise<void> => {
  await new Promise(resolve => setTimeout(resolve, ms))
}

t.test('zips are capped per client and server-wide; more get a friendly 503 with Retry-After', async t => {
  const { download, app } = await bigSharedAlbum(t, { zips: 3, zipsPerClient: 2 })
  const [a1, a2, a3] = [await download(2), await download(2), await download(2)]
  t.equal(a1.response.statusCode, 200)
  t.equal(a2.response.statusCode, 200)
  t.equal(a3.response.statusCode, 503, 'a third zip from one client waits')
  t.ok(Number(a3.response.headers['retry-after']) > 0, 'Retry-After')
  a3.response.resume()
  await a3.ended
  t.match(bytesOf(a3).toString(), 'Downloads are busy', 'a page that says what is going on')
  t.equal((await download(3)).response.statusCode, 200, 'another client still gets one')
  const full = await download(4)
  t.equal(full.response.statusCode, 503, 'server-wide cap reached')
  full.response.resume()
  a1.response.destroy()
  a2.response.destroy()
  for (let i = 0; i < 50 && app.limits.zips.inUse > 1; i++) await pause(20)
  t.equal((await download(4)).response.statusCode, 200, 'a finished zip frees its place')
})

t.test('a zip whose client reads nothing is ended after the stall time', async t => {
  const { download, app } = await bigSharedAlbum(t, { zipStallMs: 300 })
  const stalled = await download(5)
  t.equal(stalled.response.statusCode, 200)
  t.equal(app.limits.zips.inUse, 1)
  // The server's side shows it: a client that reads nothing would not even see the connection close.
  for (let i = 0; i < 750 && app.limits.zips.inUse > 0; i++) await pause(20)
  t.equal(app.limits.zips.inUse, 0, 'the server ended the stalled zip and gave its place back')
  stalled.response.resume()
  t.equal(await stalled.ended, 'aborted', 'the client finds a truncated download when it reads again')
})

t.test('deleting the link mid-zip ends the stream before the next entry', async t => {
  const { download, db, link } = await bigSharedAlbum(t, {})
  const zip = await download(6)
  t.equal(zip.response.statusCode, 200)
  await pause(200)
  await db.deleteFrom('links').where('id', '=', link.id).execute()
  zip.response.resume()
  t.equal(await zip.ended, 'aborted', 'the client gets a truncated download')
  // Entry names carry the title, which comes from the file name ("Padded-0").
  const bytes = bytesOf(zip).toString('latin1').toLowerCase()
  t.ok(bytes.includes('padded-0'), 'the entry under way was being sent')
  t.notOk(bytes.includes('padded-1'), 'no entry after the deletion')
  t.notOk(bytes.includes('padded-2'))
})

t.test('a photo made private mid-zip never gets into it', async t => {
  const { download, db } = await bigSharedAlbum(t, {})
  const zip = await download(7)
  await pause(200)
  await db.updateTable('photos').set({ private: 1 }).where('path', '=', 'big/padded-1.jpg').execute()
  zip.response.resume()
  t.equal(await zip.ended, 'aborted')
  t.notOk(
    bytesOf(zip).toString('latin1').toLowerCase().includes('padded-1'),
    'the photo made private is not in the zip'
  )
})

t.test('60 stalled zips keep memory growth under 100 MB; the 61st gets 503', async t => {
  const { download } = await bigSharedAlbum(t, { zips: 60, zipsPerClient: 2 })
  const warm = await download(200)
  warm.response.resume()
  await warm.ended
  const before = process.memoryUsage().rss
  const stalled: Download[] = []
  for (let i = 0; i < 60; i++) stalled.push(await download(10 + Math.floor(i / 2)))
  t.ok(
    stalled.every(d => d.response.statusCode === 200),
    '60 zips streaming'
  )
  t.equal((await download(100)).response.statusCode, 503, 'one more is refused')
  await pause(1500)
  const growth = (process.memoryUsage().rss - before) / MB
  t.ok(growth < 100, `memory grew ${growth.toFixed(1)} MB with 60 stalled zips (must stay under 100)`)
})
