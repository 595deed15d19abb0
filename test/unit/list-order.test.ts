import t from 'tap'
import { listAlbums } from '../../src/library/albums/albums.ts'
import { buildTestApp } from '../helper.ts'

t.test('moments newest first; states by country name, then state name', async t => {
  const { db } = await buildTestApp(t)
  const days = (await listAlbums(db, 'moment')).map(m => m.filter.split('/')[1])
  t.ok(days.length >= 5)
  t.same(days, [...days].sort().reverse())
  const states = (await listAlbums(db, 'state')).map(s => [s.description, s.title])
  t.same(
    states,
    [...states].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]))
  )
  t.equal(states[0][0], 'France', 'France before Germany, Italy, United States')
})
