// Exact percentiles with linear interpolation between closest ranks (numpy's default,
// DuckDB's `quantile_cont`), by selection instead of sorting.

/**
 * Rearranges `values[lo..hi]` so that `values[k]` is the element a sort would put there, every
 * element before it is ≤ and every element after it is ≥ (Floyd–Rivest-free Hoare quickselect,
 * median-of-three pivots). Returns `values[k]`.
 *
 * @example
 * selectKth(Float64Array.of(5, 1, 4, 2, 3), 0, 4, 1) //=> 2
 */
export function selectKth(values: Float64Array, lo: number, hi: number, k: number): number {
  let left = lo
  let right = hi
  while (right > left) {
    const mid = (left + right) >>> 1
    // median of three into values[mid]
    let a = values[left] as number
    let b = values[mid] as number
    let c = values[right] as number
    if (a > b) [a, b] = [b, a]
    if (b > c) {
      ;[b, c] = [c, b]
      if (a > b) [a, b] = [b, a]
    }
    values[left] = a
    values[mid] = b
    values[right] = c
    const pivot = b
    let i = left
    let j = right
    while (i <= j) {
      while ((values[i] as number) < pivot) i++
      while ((values[j] as number) > pivot) j--
      if (i <= j) {
        const t = values[i] as number
        values[i] = values[j] as number
        values[j] = t
        i++
        j--
      }
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else break
  }
  return values[k] as number
}

/** Smallest value of `values[lo..hi]`. */
function minOf(values: Float64Array, lo: number, hi: number): number {
  let m = Infinity
  for (let i = lo; i <= hi; i++) {
    const v = values[i] as number
    if (v < m) m = v
  }
  return m
}

/**
 * The `p` quantile (0–1) of the first `n` values, linear interpolation between closest ranks.
 * Reorders the buffer. Returns null when `n` is 0 (nothing to measure).
 *
 * @example
 * quantileCont(Float64Array.of(1, 2, 3, 4), 4, 0.5) //=> 2.5
 * quantileCont(Float64Array.of(10, 20), 2, 0.9) //=> 19
 */
export function quantileCont(values: Float64Array, n: number, p: number): number | null {
  if (n <= 0) return null
  const pos = (n - 1) * p
  const k = Math.floor(pos)
  const frac = pos - k
  const lower = selectKth(values, 0, n - 1, k)
  if (frac === 0 || k + 1 >= n) return lower
  // after selection everything right of k is ≥ lower: the next rank is their minimum
  const upper = minOf(values, k + 1, n - 1)
  return lower + (upper - lower) * frac
}

/**
 * Median and p90 of the first `n` values together; the p90 selection reuses the partition the
 * median left behind. Reorders the buffer.
 *
 * @example
 * medianAndP90(Float64Array.of(3, 1, 2), 3) //=> { median: 2, p90: 2.8 }
 */
export function medianAndP90(
  values: Float64Array,
  n: number,
): { median: number | null; p90: number | null } {
  if (n <= 0) return { median: null, p90: null }
  const median = quantileCont(values, n, 0.5)
  // p90's ranks lie at or right of the median's rank: select only in the upper part
  const pos = (n - 1) * 0.9
  const k = Math.floor(pos)
  const frac = pos - k
  const half = Math.floor((n - 1) * 0.5)
  const lower = selectKth(values, half, n - 1, k)
  const p90 =
    frac === 0 || k + 1 >= n ? lower : lower + (minOf(values, k + 1, n - 1) - lower) * frac
  return { median, p90 }
}

/**
 * Reference quantile by sorting a copy (tests and tiny inputs).
 *
 * @example
 * quantileBySort([4, 1, 3, 2], 0.5) //=> 2.5
 */
export function quantileBySort(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * p
  const k = Math.floor(pos)
  const frac = pos - k
  const lower = sorted[k] as number
  const upper = sorted[Math.min(k + 1, sorted.length - 1)] as number
  return frac === 0 ? lower : lower + (upper - lower) * frac
}
