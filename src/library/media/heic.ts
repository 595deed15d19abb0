import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** Decoded pixels, ready for sharp's raw input. */
export interface RawImage {
  data: Buffer
  width: number
  height: number
  channels: 3 | 4
}

/** Pixels one HEIC may have (100 MP, 400 MB of RGBA); larger ones are refused before decoding. */
export const MAX_HEIF_PIXELS = 100_000_000

const WORKER = new URL('./heic-worker.cjs', import.meta.url)
const DECODERS = Math.min(2, availableParallelism())

interface Job {
  buffer: Uint8Array
  resolve: (image: RawImage) => void
  reject: (err: Error) => void
}

const idle: Worker[] = []
const waiting: Job[] = []
let started = 0
let unloadWhenDone = false

/**
 * HEVC-coded HEIF (iPhone photos) through libheif compiled to WebAssembly:
 * sharp's prebuilt libvips has no HEVC decoder. Decoding takes about a
 * second of CPU per 12 MP photo, so it runs on worker threads (one file at a
 * time each, two at most): the main thread keeps serving and indexing, and
 * two photos decode at once. Primary image only, rotated and mirrored as the
 * file says (irot/imir), so the EXIF orientation is not applied again.
 */
export async function decodeHeif(buffer: Buffer): Promise<RawImage> {
  return await new Promise((resolve, reject) => {
    waiting.push({ buffer: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), resolve, reject })
    dispatch()
  })
}

/**
 * Ends the decoders once the decodes asked for so far have finished: a
 * WebAssembly heap grows to the largest image decoded and never shrinks, so
 * an indexing run lets them go at its end (the next decode starts new ones).
 */
export function unloadHeif(): void {
  unloadWhenDone = true
  dispatch()
}

/** Decoder threads running now (tests). */
export const heifDecoders = (): number => started

function dispatch(): void {
  while (waiting.length > 0) {
    const worker = idle.pop() ?? (started < DECODERS ? startWorker() : null)
    if (!worker) return
    run(worker, waiting.shift() as Job)
  }
  if (unloadWhenDone && idle.length === started) {
    unloadWhenDone = false
    for (const worker of idle.splice(0)) void worker.terminate()
    started = 0
  }
}

function startWorker(): Worker {
  started++
  // No loader flags (--import tsx): the worker is plain CommonJS, and tsx would add about 0.2 s to each start.
  const worker = new Worker(WORKER, { workerData: { maxPixels: MAX_HEIF_PIXELS }, execArgv: [] })
  worker.unref()
  return worker
}

function run(worker: Worker, job: Job): void {
  worker.ref() // a decode in flight keeps the process alive; an idle decoder does not
  const finish = (): void => {
    worker.off('message', onMessage)
    worker.off('error', onStopped)
    worker.off('exit', onStopped)
    worker.unref()
  }
  const onMessage = (reply: { error?: string; width: number; height: number; data: Uint8ClampedArray }): void => {
    finish()
    idle.push(worker)
    if (reply.error !== undefined) job.reject(new Error(reply.error))
    else {
      const { data, width, height } = reply
      job.resolve({ data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 })
    }
    dispatch()
  }
  // A decoder that dies (a WebAssembly abort, out of memory) fails its file; the next decode starts a new one.
  const onStopped = (reason: Error | number): void => {
    finish()
    started--
    void worker.terminate()
    const why = typeof reason === 'number' ? `exit code ${reason}` : reason.message
    job.reject(new Error(`not a readable HEIF image (the decoder stopped: ${why})`))
    dispatch()
  }
  worker.on('message', onMessage)
  worker.on('error', onStopped)
  worker.on('exit', onStopped)
  worker.postMessage(job.buffer)
}
