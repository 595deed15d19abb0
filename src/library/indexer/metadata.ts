import exifr from 'exifr'
import { dateWithoutMetadata, meaningful, readableName } from './file-names.ts'

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

function localDate(raw: unknown): string | null {
  const m = typeof raw === 'string' ? EXIF_DATE.exec(raw) : null
  if (!m || m[1] === '0000') return null
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`
}

function utcDate(local: string, offset: unknown): string | null {
  const m = typeof offset === 'string' ? OFFSET.exec(offset) : null
  if (!m) return null
  const minutes = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1)
  const ms = Date.parse(local + 'Z') - minutes * 60_000
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.replace(/\0/g, '').trim() || null
  if (v && typeof v === 'object' && 'value' in v) return text((v as { value: unknown }).value)
  return null
}

function validCoordinate(lat: unknown, lng: unknown): lat is number {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180 &&
    !(lat === 0 && lng === 0)
  )
}

/**
 * Date, place, camera and title from EXIF/XMP/IPTC (JPEG, HEIC, PNG, WebP,
 * TIFF). Without a date taken: the file name's date, else the file time
 * (estimated). Without a title: the description unless it is a camera's
 * default, else a readable form of the file name.
 */
export async function readMetadata(buffer: Buffer, mtimeMs: number, fileName: string): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> = {}
  try {
    tags =
      (await exifr.parse(buffer, {
        tiff: true,
        exif: true,
        gps: true,
        xmp: true,
        iptc: true,
        reviveValues: false,
        translateValues: false
      })) ?? {}
  } catch {
    tags = {}
  }
  // exifr names IFD0 DateTime "ModifyDate"; each date has its own offset tag.
  const dated = (
    [
      ['DateTimeOriginal', 'OffsetTimeOriginal'],
      ['CreateDate', 'OffsetTimeDigitized'],
      ['ModifyDate', 'OffsetTime']
    ] as const
  )
    .map(([date, offset]) => ({ taken: localDate(tags[date]), offset: tags[offset] ?? tags.OffsetTime }))
    .find(d => d.taken !== null)
  const taken = dated?.taken ?? null
  const make = text(tags.Make)
  const model = text(tags.Model)
  const camera =
    model && make && !model.toLowerCase().startsWith(make.toLowerCase().split(' ')[0])
      ? `${make} ${model}`
      : (model ?? make)
  const located = validCoordinate(tags.latitude, tags.longitude)
  const guess = taken ? null : dateWithoutMetadata(fileName, mtimeMs)
  const description = text(tags.description) ?? text(tags.Caption) ?? meaningful(text(tags.ImageDescription))
  const title =
    meaningful(text(tags.title) ?? text(tags.ObjectName) ?? text(tags.XPTitle)) ??
    description?.slice(0, 200) ??
    readableName(fileName)
  return {
    takenAt: taken ?? guess?.takenAt ?? null,
    takenAtUtc: taken ? utcDate(taken, dated?.offset) : (guess?.takenAtUtc ?? null),
    estimated: guess?.estimated ?? false,
    lat: located ? Number((tags.latitude as number).toFixed(6)) : null,
    lng: located ? Number((tags.longitude as number).toFixed(6)) : null,
    camera,
    title,
    description: description === title ? null : description
  }
}
