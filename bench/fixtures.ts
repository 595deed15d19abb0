import { mkdir, writeFile, open } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'

/** JPEGs with EXIF dates (camera-sized by default, 3000×2000) so indexing does real work. */
export async function writeCameraJpegs(dir: string, count: number, width = 3000, height = 2000): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const hue = (i * 37) % 360
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 3000 2000" preserveAspectRatio="none">
      <rect width="3000" height="2000" fill="hsl(${hue},50%,50%)"/>
      <circle cx="${500 + ((i * 97) % 2000)}" cy="${400 + ((i * 53) % 1200)}" r="${200 + (i % 300)}" fill="hsl(${(hue + 120) % 360},70%,60%)"/>
      <text x="100" y="1800" font-size="160" font-family="DejaVu Sans" fill="white">bench ${i}</text></svg>`
    const day = String(1 + (i % 28)).padStart(2, '0')
    const file = join(dir, `img-${String(i).padStart(4, '0')}.jpg`)
    await writeFile(
      file,
      await sharp(Buffer.from(svg))
        .jpeg({ quality: 88 })
        .withExif({
          IFD0: { Make: 'Bench', Model: 'Cam' },
          IFD2: { DateTimeOriginal: `2024:05:${day} 12:00:${String(i % 60).padStart(2, '0')}` }
        })
        .toBuffer()
    )
    files.push(file)
  }
  return files
}

/** Large files made cheaply (a patterned 1 MiB block written over and over) for zip throughput. */
export async function writeLargeFiles(dir: string, count: number, bytesEach: number): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const block = Buffer.alloc(1 << 20)
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24
  const files: string[] = []
  for (let f = 0; f < count; f++) {
    const file = join(dir, `big-${String(f).padStart(3, '0')}.jpg`)
    const handle = await open(file, 'w')
    for (let written = 0; written < bytesEach; written += block.length) {
      block[0] = f
      await handle.write(block, 0, Math.min(block.length, bytesEach - written))
    }
    await handle.close()
    files.push(file)
  }
  return files
}
