import t from 'tap'
import sharp from 'sharp'
import { readMetadata } from '../../src/library/indexer/metadata.ts'

// No camera file in test/fixtures writes a time-zone offset; this JPEG carries the tags a phone writes.
async function jpegWithExif(exif: Record<string, string>): Promise<Buffer> {
  return await sharp({ create: { width: 64, height: 48, channels: 3, background: '#88aacc' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'HMD Global', Model: 'Nokia 8.3 5G' }, IFD2: exif })
    .toBuffer()
}

t.test('a date with its offset gives the UTC time as well', async t => {
  const buffer = await jpegWithExif({ DateTimeOriginal: '2022:08:14 14:12:31', OffsetTimeOriginal: '+03:00' })
  t.match(await readMetadata(buffer, 0, 'phone.jpg'), {
    takenAt: '2022-08-14T14:12:31',
    takenAtUtc: '2022-08-14T11:12:31.000Z',
    estimated: false
  })
})

t.test('a date without an offset has no UTC time', async t => {
  const buffer = await jpegWithExif({ DateTimeOriginal: '2022:08:14 14:12:31' })
  t.match(await readMetadata(buffer, 0, 'phone.jpg'), { takenAt: '2022-08-14T14:12:31', takenAtUtc: null })
})
