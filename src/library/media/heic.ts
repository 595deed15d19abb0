import { createRequire } from 'node:module'

interface HeifImage {
  width: number
  height: number
  decode: () => Promise<{ width: number; height: number; data: Uint8ClampedArray }>
}
type DecodeAll = (input: { buffer: Uint8Array }) => Promise<HeifImage[] & { dispose: () => void }>

/** Decoded pixels, ready for sharp's raw input. */
export interface RawImage {
  data: Buffer
  width: number
  height: number
  channels: 3 | 4
}

/** Pixels one HEIC may have (100 MP, 400 MB of RGBA); larger ones are refused before decoding. */
export const MAX_HEIF_PIXELS = 100_000_000

let decodeAll: DecodeAll | null = null
let queue: Promise<unknown> = Promise.resolve()

/**
 * A libheif instance of our own (heic-decode's default one lives as long as
 * the process): its WebAssembly memory grows to the largest image decoded
 * and never shrinks, and every later ffmpeg or ffprobe start has to copy the
 * page tables of that memory. `unloadHeif` lets it go after an indexing run.
 */
function loadDecoder(): DecodeAll {
  const require = createRequire(import.meta.url)
  const newLibheif = require('libheif-js/libheif-wasm/libheif-bundle.js') as () => unknown
  const decoders = require('heic-decode/lib.js') as (libheif: unknown) => { all: DecodeAll }
  return decoders(newLibheif()).all
}

/** Drops the decoder and its memory, once the decodes queued so far have finished. */
export function unloadHeif(): void {
  queue = queue.then(() => {
    decodeAll = null
  })
}

/**
 * HEVC-coded HEIF (iPhone photos) through libheif compiled to WebAssembly:
 * sharp's prebuilt libvips has no HEVC decoder. One file at a time (the
 * WebAssembly heap grows with the largest image and never shrinks), primary
 * image only, rotated and mirrored as the file says (irot/imir), so the EXIF
 * orientation is not applied again.
 */
export async function decodeHeif(buffer: Buffer): Promise<RawImage> {
  const run = queue.then(async () => await decodeNow(buffer))
  queue = run.catch(() => {})
  return await run
}

async function decodeNow(buffer: Buffer): Promise<RawImage> {
  decodeAll ??= loadDecoder()
  let images: Awaited<ReturnType<DecodeAll>>
  try {
    images = await decodeAll({ buffer: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) })
  } catch (err) {
    throw new Error(`not a readable HEIF image (${(err as Error).message})`)
  }
  try {
    const primary = images[0]
    if (primary.width * primary.height > MAX_HEIF_PIXELS) {
      throw new Error(
        `image too large: ${primary.width}×${primary.height} pixels (at most ${MAX_HEIF_PIXELS / 1e6} MP)`
      )
    }
    const { width, height, data } = await primary.decode()
    return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 }
  } finally {
    images.dispose()
  }
}
