import t from 'tap'
import { findMoments, type MomentCandidate } from '../../src/library/albums/moments.ts'

let nextId = 1
const photo = (taken_at: string, country_code = 'IT', state: string | null = 'Toscana'): MomentCandidate => ({
  id: nextId++,
  taken_at,
  country_code,
  state
})

t.test('photos close in time and place make one moment', async t => {
  const run = [photo('2024-06-10T09:00:00'), photo('2024-06-10T14:00:00'), photo('2024-06-11T08:00:00')]
  t.same(findMoments(run), [{ key: 'IT/2024-06-10', title: 'Toscana, June 2024', photoIds: run.map(p => p.id) }])
})

t.test('input order does not matter', async t => {
  const run = [photo('2024-06-10T14:00:00'), photo('2024-06-10T09:00:00'), photo('2024-06-10T11:00:00')]
  t.same(findMoments(run)[0].photoIds, [run[1].id, run[2].id, run[0].id])
})

t.test('a gap of more than a day splits, a gap of exactly a day does not', async t => {
  const first = [photo('2024-06-10T09:00:00'), photo('2024-06-10T10:00:00'), photo('2024-06-11T10:00:00')]
  const second = [photo('2024-06-12T10:00:01'), photo('2024-06-12T11:00:00'), photo('2024-06-12T12:00:00')]
  const moments = findMoments([...first, ...second])
  t.same(
    moments.map(m => m.key),
    ['IT/2024-06-10', 'IT/2024-06-12']
  )
  t.same(
    moments.map(m => m.photoIds.length),
    [3, 3]
  )
})

t.test('a change of country splits', async t => {
  const italy = [photo('2024-06-10T09:00:00'), photo('2024-06-10T10:00:00'), photo('2024-06-10T11:00:00')]
  const france = [
    photo('2024-06-10T15:00:00', 'FR', 'Provence-Alpes-Côte d’Azur'),
    photo('2024-06-10T16:00:00', 'FR', 'Provence-Alpes-Côte d’Azur'),
    photo('2024-06-10T17:00:00', 'FR', null)
  ]
  const moments = findMoments([...italy, ...france])
  t.same(
    moments.map(m => m.key),
    ['IT/2024-06-10', 'FR/2024-06-10']
  )
  t.equal(moments[1].title, 'Provence-Alpes-Côte d’Azur, June 2024', 'titled by its most common state')
})

t.test('fewer than three photos is not a moment', async t => {
  t.same(findMoments([]), [])
  t.same(findMoments([photo('2024-06-10T09:00:00'), photo('2024-06-10T10:00:00')]), [])
  const split = [photo('2024-06-10T09:00:00'), photo('2024-06-10T10:00:00'), photo('2024-06-10T11:00:00', 'FR', null)]
  t.same(findMoments(split), [], 'two in Italy and one in France')
})

t.test('without a state the country code names the moment; the first month is used', async t => {
  const run = [
    photo('2024-06-30T20:00:00', 'US', null),
    photo('2024-06-30T23:00:00', 'US', null),
    photo('2024-07-01T09:00:00', 'US', null)
  ]
  t.same(
    findMoments(run).map(m => [m.key, m.title]),
    [['US/2024-06-30', 'US, June 2024']]
  )
})
