import { inflateSync } from 'node:zlib'

export type PngInfo = { width: number; height: number; hasTransparency: boolean }

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

type Chunk = { type: string; data: Uint8Array }

function readChunks(data: Uint8Array): Chunk[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const chunks: Chunk[] = []
  for (let offset = 8; offset + 8 <= data.length;) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...data.subarray(offset + 4, offset + 8))
    chunks.push({ type, data: data.subarray(offset + 8, offset + 8 + length) })
    if (type === 'IEND') break
    offset += 12 + length
  }
  return chunks
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Whether any pixel of an 8-bit grey+alpha or RGBA, non-interlaced image is not fully opaque. */
function anyTransparentPixel(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): boolean {
  const stride = width * channels
  let previous = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1)
    const filter = pixels[start] ?? 0
    const row = new Uint8Array(pixels.subarray(start + 1, start + 1 + stride))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (row[x - channels] ?? 0) : 0
      const up = previous[x] ?? 0
      const upLeft = x >= channels ? (previous[x - channels] ?? 0) : 0
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0
      row[x] = ((row[x] ?? 0) + predictor) & 0xff
    }
    for (let x = channels - 1; x < stride; x += channels) if ((row[x] ?? 255) < 255) return true
    previous = row
  }
  return false
}

/**
 * Reads a PNG's size and whether it really has transparent pixels (decoding 8-bit RGBA and
 * grey+alpha images; for palette images, a `tRNS` chunk). An alpha channel that is opaque
 * everywhere does not count. Returns an error message for anything that is not a PNG.
 */
export function readPngInfo(
  data: Uint8Array,
  options: { transparency?: boolean } = {},
): PngInfo | { error: string } {
  if (data.length < 33 || SIGNATURE.some((byte, i) => data[i] !== byte)) {
    return { error: 'is not a PNG file (bad signature)' }
  }
  const chunks = readChunks(data)
  const header = chunks[0]
  if (header?.type !== 'IHDR' || header.data.length < 13) {
    return { error: 'is not a valid PNG (first chunk is not IHDR)' }
  }
  const view = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength)
  const width = view.getUint32(0)
  const height = view.getUint32(4)
  const [bitDepth, colorType, , , interlace] = header.data.subarray(8, 13)
  let hasTransparency = chunks.some((c) => c.type === 'tRNS')
  const channels = colorType === 6 ? 4 : colorType === 4 ? 2 : 0
  // Decoding is the slow part; callers that only need the size skip it.
  if (options.transparency === false) return { width, height, hasTransparency }
  if (!hasTransparency && channels > 0 && bitDepth === 8 && interlace === 0) {
    try {
      const compressed = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))
      hasTransparency = anyTransparentPixel(inflateSync(compressed), width, height, channels)
    } catch {
      return { error: 'is not a valid PNG (image data does not decompress)' }
    }
  } else if (!hasTransparency && channels > 0) {
    hasTransparency = true // 16-bit or interlaced with alpha: trust the alpha channel
  }
  return { width, height, hasTransparency }
}
