import t from 'tap'
import { lookupPlace, unloadPlaces } from '../../src/library/indexer/places.ts'

t.teardown(unloadPlaces)

t.test('the prebuilt state polygons place photos as the full Natural Earth shapes do', async t => {
  const cases: Array<[string, number, number, string, string]> = [
    ['Arezzo, a province: its region is the state', 43.4674, 11.8851, 'IT', 'Toscana'],
    ['Rome', 41.9028, 12.4964, 'IT', 'Lazio'],
    ['Paris', 48.8566, 2.3522, 'FR', 'Île-de-France'],
    ['Munich', 48.1351, 11.582, 'DE', 'Bavaria'],
    ['Berlin', 52.52, 13.405, 'DE', 'Berlin'],
    ['San Francisco', 37.7749, -122.4194, 'US', 'California'],
    ['Manhattan', 40.7812, -73.9665, 'US', 'New York']
  ]
  for (const [what, lat, lng, countryCode, state] of cases) {
    t.match(lookupPlace(lat, lng), { countryCode, state }, what)
  }
  t.match(lookupPlace(43.4674, 11.8851), { country: 'Italy' })
})

t.test('the open sea is no place', async t => {
  t.equal(lookupPlace(40, -40), null, 'mid-Atlantic')
  t.equal(lookupPlace(0, 0), null)
})
