import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { DEMO_TRIPS, type DemoTrip } from './trips.ts'

const pad = (n: number): string => String(n).padStart(2, '0')

/** Deterministic pseudo-random numbers so the demo looks the same on every machine. */
function seeded (seed: number): () => number {
  let s = seed
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648 }
}

function exifDate (start: string, index: number, trip: DemoTrip): string {
  const home = trip.lat === null
  // Trips: a few photos a day, hours apart; home: about one photo a month.
  const ms = Date.parse(start + 'Z') + (home ? index * 29 * 86_400_000 : index * 5 * 3_600_000)
  const d = new Date(ms)
  return `${d.getUTCFullYear()}:${pad(d.getUTCMonth() + 1)}:${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`
}

function dms (value: number): string {
  const abs = Math.abs(value)
  const deg = Math.floor(abs)
  const min = Math.floor((abs - deg) * 60)
  const sec = Math.round(((abs - deg) * 60 - min) * 60 * 100)
  return `${deg}/1 ${min}/1 ${sec}/100`
}

function picture (trip: DemoTrip, subject: string, date: string, portrait: boolean, random: () => number): Buffer {
  const [w, h] = portrait ? [800, 1200] : [1200, 800]
  const hue = (trip.hue + Math.floor(random() * 40)) % 360
  const shapes = Array.from({ length: 6 }, (_, i) => {
    const cx = Math.floor(random() * w)
    const cy = Math.floor(random() * h * 0.7)
    const r = 40 + Math.floor(random() * 160)
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="hsl(${(hue + i * 47) % 360},70%,${55 + i * 5}%)" opacity="0.75"/>`
  }).join('')
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,30%)"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#g)"/>${shapes}
    <rect x="0" y="${h / 2 - 75}" width="${w}" height="150" fill="black" opacity="0.4"/>
    <text x="${w / 2}" y="${h / 2 - 5}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="54" fill="white">${escape(subject)}</text>
    <text x="${w / 2}" y="${h / 2 + 45}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#ddd">${escape(trip.place)} · ${date.slice(0, 10).replaceAll(':', '-')}</text>
  </svg>`
  return Buffer.from(svg)
}

/** Writes about 60 JPEGs with real EXIF dates and GPS into dir (replacing what was there). */
export async function generateDemoLibrary (dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true })
  const random = seeded(42)
  let written = 0
  for (const trip of DEMO_TRIPS) {
    await mkdir(join(dir, trip.folder), { recursive: true })
    for (let i = 0; i < trip.count; i++) {
      const subject = trip.subjects[i % trip.subjects.length]
      const date = exifDate(trip.start, i, trip)
      const portrait = i % 4 === 3
      const gps = trip.lat === null || trip.lng === null
        ? undefined
        : {
            GPSLatitudeRef: trip.lat >= 0 ? 'N' : 'S', GPSLatitude: dms(trip.lat + (random() - 0.5) * 0.04),
            GPSLongitudeRef: trip.lng >= 0 ? 'E' : 'W', GPSLongitude: dms(trip.lng + (random() - 0.5) * 0.04)
          }
      const jpeg = await sharp(picture(trip, subject, date, portrait, random))
        .jpeg({ quality: 82, mozjpeg: false })
        .withExif({
          IFD0: { Make: 'Albumlink', Model: 'Demo Camera', ImageDescription: subject },
          IFD2: { DateTimeOriginal: date, OffsetTimeOriginal: trip.offset },
          ...(gps ? { IFD3: gps } : {})
        })
        .toBuffer()
      await writeFile(join(dir, trip.folder, `${pad(i + 1)}-${subject.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.jpg`), jpeg)
      written++
    }
  }
  return written
}
