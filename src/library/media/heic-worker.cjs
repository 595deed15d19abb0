// One libheif (WebAssembly) decoder on a worker thread: see heic.ts. Plain CommonJS, so it loads without tsx.
const { parentPort, workerData } = require('node:worker_threads')
const newLibheif = require('libheif-js/libheif-wasm/libheif-bundle.js')
const decoders = require('heic-decode/lib.js')

const decodeAll = decoders(newLibheif()).all

async function decode(buffer) {
  let images
  try {
    images = await decodeAll({ buffer })
  } catch (err) {
    throw new Error(`not a readable HEIF image (${err.message})`)
  }
  try {
    const primary = images[0]
    if (primary.width * primary.height > workerData.maxPixels) {
      throw new Error(
        `image too large: ${primary.width}×${primary.height} pixels (at most ${workerData.maxPixels / 1e6} MP)`
      )
    }
    return await primary.decode()
  } finally {
    images.dispose()
  }
}

parentPort.on('message', buffer => {
  decode(buffer).then(
    ({ width, height, data }) => parentPort.postMessage({ width, height, data }, [data.buffer]),
    err => parentPort.postMessage({ error: err.message })
  )
})
