/** What a file's name tells when its content does not: a date, and a title a person can read. */

export interface DateGuess {
  takenAt: string
  takenAtUtc: string | null
  estimated: boolean
}

const pad = (n: number): string => String(n).padStart(2, '0')

// IMG_20190612_101500, PXL_20230101_123456789, VID_…, Screenshot_2019-06-12-10-15-00,
// "WhatsApp Image 2020-03-01 at 10.11.12", "2019-06-12 10.15.00".
const NAME_DATE =
  /(?<!\d)(19[7-9]\d|20\d\d)(-?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)(?:(?:[ _T-]|\s+at\s+)([01]\d|2[0-3])[.:_-]?([0-5]\d)[.:_-]?([0-5]\d))?/i

/** The date and time a camera, phone or messenger wrote into the file name, as local time. */
export function dateFromFileName(name: string): string | null {
  const m = NAME_DATE.exec(name)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCDate() !== day) return null
  return `${m[1]}-${m[3]}-${m[4]}T${m[5] ?? '00'}:${m[6] ?? '00'}:${m[7] ?? '00'}`
}

/** File time as local wall-clock time. */
export function fileTime(mtimeMs: number): string {
  const d = new Date(mtimeMs)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** Without a date in the content: the file name's, else the file time, marked estimated. */
export function dateWithoutMetadata(name: string, mtimeMs: number): DateGuess {
  const named = dateFromFileName(name)
  if (named) return { takenAt: named, takenAtUtc: null, estimated: false }
  return { takenAt: fileTime(mtimeMs), takenAtUtc: new Date(mtimeMs).toISOString(), estimated: true }
}

// What cameras write as a description when the photographer wrote none.
const CAMERA_DEFAULT =
  /^(olympus digital camera|sony dsc|digital camera|minolta digital camera|kodak digital still camera|exif_jpeg_picture|samsung|lg electronics|default|untitled|image|picture|photo|dcim|\s*|[\s?_.-]+)$|digital camera/i

/** A title or description a person wrote: not empty, not a camera's default. */
export function meaningful(value: string | null): string | null {
  if (!value || CAMERA_DEFAULT.test(value.trim())) return null
  return value.trim().slice(0, 2000)
}

// Names a camera gives, which read best as they are: IMG_1234, DSCN0010, PXL_20230101_…
const CAMERA_NAME = /^(img|dsc[nf]?|dji|gopr|gh\d|mvimg|vid|pxl|p\d{3}|pano|burst|mov|sam|wp)[_-]?\d/i

/** "01-ponte-vecchio.jpg" → "Ponte vecchio"; camera names (IMG_1234) stay as they are, without the extension. */
export function readableName(name: string): string {
  const stem = name.replace(/\.[^.]+$/, '')
  if (CAMERA_NAME.test(stem)) return stem
  const words = stem
    .replace(/^\d{1,3}[\s_.-]+(?=\D)/, '')
    .replace(/[_]+|(?<=\S)-(?=\S)(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!words) return stem
  return words.charAt(0).toUpperCase() + words.slice(1)
}
