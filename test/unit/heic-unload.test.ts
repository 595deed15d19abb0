import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { decodeHeif, unloadHeif } from '../../src/library/media/heic.ts'
import { ROOT } from '../helper.ts'

t.test('the HEIC decoder is let go after a run and comes back for the next', async t => {
  const file = await readFile(join(ROOT, 'test', 'fixtures', 'heic', 'IMG_5195.HEIC'))
  const first = decodeHeif(file)
  unloadHeif() // while a decode is queued: it finishes first
  const before = await first
  t.ok(before.width > 0 && before.height > 0, 'decoded before the unload')
  const after = await decodeHeif(file)
  t.same([after.width, after.height], [before.width, before.height], 'a fresh decoder reads it the same')
  t.ok(after.data.equals(before.data), 'to the same pixels')
})
