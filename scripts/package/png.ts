export type PngInfo = { width: number; height: number; hasAlpha: boolean }

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Reads a PNG's size and whether it can be transparent (an alpha channel, colour types 4 and 6,
 * or a `tRNS` chunk). Returns an error message for anything that is not a PNG.
 */
export function readPngInfo(data: Uint8Array): PngInfo | { error: string } {
  if (data.length < 33 || SIGNATURE.some((byte, i) => data[i] !== byte)) {
    return { error: 'is not a PNG file (bad signature)' }
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const chunkType = (offset: number) =>
    String.fromCharCode(...data.subarray(offset + 4, offset + 8))
  if (chunkType(8) !== 'IHDR') return { error: 'is not a valid PNG (first chunk is not IHDR)' }
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const colorType = data[25] ?? 0
  let hasAlpha = colorType === 4 || colorType === 6
  for (let offset = 8; offset + 8 <= data.length && !hasAlpha;) {
    const length = view.getUint32(offset)
    const type = chunkType(offset)
    if (type === 'tRNS') hasAlpha = true
    if (type === 'IDAT' || type === 'IEND') break
    offset += 12 + length
  }
  return { width, height, hasAlpha }
}
