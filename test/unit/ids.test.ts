import t from 'tap'
import { base32, newUid, slugify } from '../../src/util/ids.ts'

t.test('base32 gives the RFC 4648 test vectors, lower case and unpadded', async t => {
  const vectors: Array<[string, string]> = [
    ['', ''],
    ['f', 'my'],
    ['fo', 'mzxq'],
    ['foo', 'mzxw6'],
    ['foob', 'mzxw6yq'],
    ['fooba', 'mzxw6ytb'],
    ['foobar', 'mzxw6ytboi']
  ]
  for (const [input, output] of vectors) t.equal(base32(Buffer.from(input)), output, JSON.stringify(input))
})

t.test('uids: a kind letter, then 80 random bits', async t => {
  t.match(newUid('p'), /^p[a-z2-7]{16}$/)
  t.not(newUid('a'), newUid('a'))
})

t.test('slugs are plain lower-case words', async t => {
  t.equal(slugify('Île-de-France, Été 2024!'), 'ile-de-france-ete-2024')
  t.equal(slugify('???'), 'album')
})
