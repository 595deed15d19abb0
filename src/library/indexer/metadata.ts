import exifr from 'exifr'

export interface PhotoMetadata {
  takenAt: string | null
  takenAtUtc: string | null
  estimated: boolean
  lat: number | null
  lng: number | null
  camera: string | null
  title: string | null
  description: string | null
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/
const OFFSET = /^([+-])(\d{2}):(\d{2})$/

function localDate (raw: unknown): string | null {
  const m = typeof raw === 'string' ? EXIF_DATE.exec(raw) : null
  if (!m || m[1] === '0000') return null
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`
}

function utcDate (local: string, offset: unknown): string | null {
  const m = typeof offset === 'string' ? OFFSET.exec(offset) : null
  if (!m) return null
  const minutes = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1)
  const ms = Date.parse(local + 'Z') - minutes * 60_000
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** File time as local wall-clock time, for files without a date taken. */
function fileDate (mtimeMs: number): string {
  const d = new Date(mtimeMs)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.replace(/\0/g, '').trim() || null
  if (v && typeof v === 'object' && 'value' in v) return text((v as { value: unknown }).value)
  return null
}

function validCoordinate (lat: unknown, lng: unknown): lat is number {
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng) &&
    Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0)
}

export async function readMetadata (buffer: Buffer, mtimeMs: number): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> = {}
  try {
    tags = (await exifr.parse(buffer, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, reviveValues: false, translateValues: false })) ?? {}
  } catch {
    tags = {}
  }
  // exifr names IFD0 DateTime "ModifyDate"; each date has its own offset tag.
  const dated = ([['DateTimeOriginal', 'OffsetTimeOriginal'], ['CreateDate', 'OffsetTimeDigitized'], ['ModifyDate', 'OffsetTime']] as const)
    .map(([date, offset]) => ({ taken: localDate(tags[date]), offset: tags[offset] ?? tags.OffsetTime }))
    .find(d => d.taken !== null)
  const taken = dated?.taken ?? null
  const make = text(tags.Make)
  const model = text(tags.Model)
  const camera = model && make && !model.toLowerCase().startsWith(make.toLowerCase().split(' ')[0]) ? `${make} ${model}` : (model ?? make)
  const located = validCoordinate(tags.latitude, tags.longitude)
  return {
    takenAt: taken ?? fileDate(mtimeMs),
    takenAtUtc: taken ? utcDate(taken, dated?.offset) : new Date(mtimeMs).toISOString(),
    estimated: !taken,
    lat: located ? Number((tags.latitude as number).toFixed(6)) : null,
    lng: located ? Number((tags.longitude as number).toFixed(6)) : null,
    camera,
    title: text(tags.title) ?? text(tags.ObjectName) ?? text(tags.XPTitle),
    description: text(tags.description) ?? text(tags.Caption) ?? cleanDescription(text(tags.ImageDescription))
  }
}

/** Cameras write their own name as a "description"; that is not one. */
function cleanDescription (value: string | null): string | null {
  if (!value || /digital camera|^\s*$/i.test(value)) return null
  return value.slice(0, 2000)
}
