import t from 'tap'
import { LruCache } from '../../src/library/lru-cache.ts'

t.test('keeps the most recently used entries, null included', async t => {
  const cache = new LruCache<string | null>(2)
  cache.set('a', 'first')
  cache.set('b', null)
  t.equal(cache.get('a'), 'first', 'reading a makes it recent')
  cache.set('c', 'third')
  t.equal(cache.get('b'), undefined, 'the least recently used goes')
  t.equal(cache.get('a'), 'first')
  t.equal(cache.get('c'), 'third')
  cache.set('a', null)
  t.equal(cache.get('a'), null, 'a cached null is not a miss')
})
