import { extname } from 'node:path'

/** What a file is to the library: a still, a video, or a RAW file (shown through its JPEG twin, else unsupported). */
export type MediaKind = 'image' | 'video' | 'raw'

const EXTENSIONS: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpe': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.hif': 'image/heif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.qt': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.3gp': 'video/3gpp',
  '.3g2': 'video/3gpp2',
  '.avi': 'video/x-msvideo',
  '.mts': 'video/mp2t',
  '.m2ts': 'video/mp2t',
  '.dng': 'image/x-adobe-dng',
  '.cr2': 'image/x-canon-cr2',
  '.cr3': 'image/x-canon-cr3',
  '.nef': 'image/x-nikon-nef',
  '.arw': 'image/x-sony-arw',
  '.orf': 'image/x-olympus-orf',
  '.rw2': 'image/x-panasonic-rw2',
  '.raf': 'image/x-fuji-raf',
  '.pef': 'image/x-pentax-pef',
  '.srw': 'image/x-samsung-srw'
}

export const kindOfMime = (mime: string): MediaKind =>
  mime.startsWith('video/') ? 'video' : mime.startsWith('image/x-') ? 'raw' : 'image'

/** The type a file's name suggests (any case), or undefined when the library does not take such files. */
export function mimeFromName(name: string): string | undefined {
  return EXTENSIONS[extname(name).toLowerCase()]
}

const ascii = (b: Buffer, start: number, end: number): string => b.subarray(start, end).toString('latin1')

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2'])

/** ISO base media (MP4, MOV, 3GP, HEIF, AVIF): the major brand and the compatible ones. */
function isoBrands(head: Buffer): string[] | null {
  if (head.length < 12 || ascii(head, 4, 8) !== 'ftyp') return null
  const size = Math.min(head.readUInt32BE(0), head.length)
  const brands = [ascii(head, 8, 12)]
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(head, i, i + 4))
  return brands
}

function isoMime(brands: string[]): string {
  const [major] = brands
  if (major === 'avif' || major === 'avis') return 'image/avif'
  if (HEIF_BRANDS.has(major)) return brands.includes('avif') && !brands.includes('heic') ? 'image/avif' : 'image/heic'
  if (major === 'qt  ') return 'video/quicktime'
  if (major.startsWith('3g2')) return 'video/3gpp2'
  if (major.startsWith('3gp')) return 'video/3gpp'
  return 'video/mp4'
}

/**
 * The type a file's first bytes declare (at least 64 of them), or null when
 * they match nothing known: the name is only a hint, a JPEG named .png is a
 * JPEG and a text file named .mp4 is not a video.
 */
export function sniffMime(head: Buffer): string | null {
  if (head.length < 4) return null
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png'
  if (ascii(head, 0, 4) === 'GIF8') return 'image/gif'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'AVI ') return 'video/x-msvideo'
  if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*') return 'image/tiff'
  if (head.readUInt32BE(0) === 0x1a45dfa3) return head.includes('webm') ? 'video/webm' : 'video/x-matroska'
  if (head[0] === 0x47 && head.length > 188 && head[188] === 0x47) return 'video/mp2t'
  const brands = isoBrands(head)
  if (brands) return isoMime(brands)
  // Old QuickTime files start with a moov/mdat/wide/free atom instead of ftyp.
  if (['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(ascii(head, 4, 8))) return 'video/quicktime'
  return null
}

/** RAW files are TIFF, ISO or their own format inside: a RAW name keeps its RAW type. */
export function resolveMime(sniffed: string | null, byName: string): string | null {
  return kindOfMime(byName) === 'raw' ? byName : sniffed
}
