import t from 'tap'
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { decodeHeif, heifDecoders, unloadHeif } from '../../src/library/media/heic.ts'
import { ROOT } from '../helper.ts'

t.test('the HEIC decoders are let go after a run and come back for the next', async t => {
  const file = await readFile(join(ROOT, 'test', 'fixtures', 'heic', 'IMG_5195.HEIC'))
  const first = [decodeHeif(file), decodeHeif(file), decodeHeif(file)]
  t.equal(heifDecoders(), Math.min(2, availableParallelism()), 'a decoder thread per core (two at most)')
  unloadHeif() // while decodes are queued: they finish first
  const before = await Promise.all(first)
  t.ok(before[0].width > 0 && before[0].height > 0, 'decoded before the unload')
  t.ok(before[2].data.equals(before[0].data), 'the queued file too, to the same pixels')
  t.equal(heifDecoders(), 0, 'no decoder thread left')
  const after = await decodeHeif(file)
  t.same([after.width, after.height], [before[0].width, before[0].height], 'a fresh decoder reads it the same')
  t.ok(after.data.equals(before[0].data), 'to the same pixels')
  unloadHeif()
})
