import QRCode from 'qrcode'

// Medium error correction and the standard four-module quiet zone: scans from a screen or a print.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const
/** PNG downloads are large enough to print without scaling up. */
const PNG_WIDTH = 1024

/** The QR code of a share URL as SVG markup (black on white, no size: CSS or the viewer sets it). */
export async function qrSvg(url: string): Promise<string> {
  return await QRCode.toString(url, { ...OPTIONS, type: 'svg' })
}

export async function qrPng(url: string): Promise<Buffer> {
  return await QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: PNG_WIDTH })
}
