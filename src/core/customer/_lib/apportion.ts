// Rounding a list of parts so that the rounded parts add up to the rounded total exactly.

/**
 * Rounds each part to `1 / scale` (default tenths) with the largest-remainder method so that the
 * rounded parts sum to the rounded total. Returns integers in units of `1 / scale`.
 *
 * @example
 * apportionUnits([1.04, 1.04, 1.04]) //=> [11, 10, 10] (3.12 → 3.1; 1.1 + 1.0 + 1.0)
 */
export function apportionUnits(parts: readonly number[], scale = 10): number[] {
  const scaled = parts.map((p) => (Number.isFinite(p) && p > 0 ? p * scale : 0))
  const total = Math.round(scaled.reduce((a, b) => a + b, 0))
  const floors = scaled.map((s) => Math.floor(s))
  let missing = total - floors.reduce((a, b) => a + b, 0)
  const order = scaled
    .map((s, i) => ({ i, frac: s - Math.floor(s) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
  const out = [...floors]
  for (const { i } of order) {
    if (missing <= 0) break
    out[i] = (out[i] as number) + 1
    missing--
  }
  return out
}
