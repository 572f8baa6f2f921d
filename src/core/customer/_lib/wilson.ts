// Wilson score interval for a proportion.

/**
 * The 95 % Wilson score interval of `successes / n` (better than the normal interval for small n
 * and rates near 0 or 1). Null when n is 0.
 *
 * @example
 * wilson95(8, 10) //=> [0.490, 0.943] (rounded)
 */
export function wilson95(successes: number, n: number): [number, number] | null {
  if (!(n > 0)) return null
  const z = 1.959964
  const p = successes / n
  const denom = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / denom
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}
