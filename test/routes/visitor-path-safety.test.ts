import t from 'tap'
import { symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { buildTestApp } from '../helper.ts'
import { albumOfKind, expectedUids, openLink, readZip, share, visit } from './visitor-helpers.ts'

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

  for (const [what, uid] of [['a path leaving the root', outside], ['a symlink leaving the root', linked], ['a path naming a folder', folder]]) {
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
  t.equal(entries.size, (await expectedUids(db, album)).length - 3, 'all three are left out of the zip, the rest is there')
  t.notOk([...entries.values()].some(b => b.toString('latin1').includes('root:')), 'no system file in the zip')
})
