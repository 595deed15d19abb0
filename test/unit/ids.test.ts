import t from 'tap'
import { base32, newUid, slugify } from '../../src/util/ids.ts'

t.test('base32 gives the RFC 4648 test vectors, lower case and unpadded', async t => {
  // RFC 4648 §10 encodes each prefix of "foobar", from "" to "foobar".
  const encodings = ['', 'my', 'mzxq', 'mzxw6', 'mzxw6yq', 'mzxw6ytb', 'mzxw6ytboi']
  for (const [n, output] of encodings.entries()) {
    const input = 'foobar'.slice(0, n)
    t.equal(base32(Buffer.from(input)), output, JSON.stringify(input))
  }
})

t.test('uids: a kind letter, then 80 random bits', async t => {
  t.match(newUid('p'), /^p[a-z2-7]{16}$/)
  t.not(newUid('a'), newUid('a'))
})

t.test('slugs are plain lower-case words', async t => {
  t.equal(slugify('Île-de-France, Été 2024!'), 'ile-de-france-ete-2024')
  t.equal(slugify('???'), 'album')
})
