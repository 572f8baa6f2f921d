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
    if (right - left === 1) {
      // two elements: order them (median-of-three needs three distinct slots)
      if ((values[left] as number) > (values[right] as number)) {
        const t = values[left] as number
        values[left] = values[right] as number
        values[right] = t
      }
      break
    }
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
  const fast = ranksByHistogram(values, n, [
    Math.floor((n - 1) * 0.5),
    Math.min(Math.floor((n - 1) * 0.5) + 1, n - 1),
    Math.floor((n - 1) * 0.9),
    Math.min(Math.floor((n - 1) * 0.9) + 1, n - 1),
  ])
  if (fast !== null) {
    const lerp = (p: number, lo: number, hi: number): number => {
      const frac = (n - 1) * p - Math.floor((n - 1) * p)
      return frac === 0 ? lo : lo + (hi - lo) * frac
    }
    return {
      median: lerp(0.5, fast[0] as number, fast[1] as number),
      p90: lerp(0.9, fast[2] as number, fast[3] as number),
    }
  }
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

/** Largest value range for which a histogram beats selection (counts fit comfortably in cache). */
const HISTOGRAM_RANGE = 1 << 18

/**
 * Values at 0-based ranks `ranks` (any order) of the first `n` values, when they are all
 * integers in a small range: one counting pass instead of selection. Returns null otherwise.
 */
function ranksByHistogram(
  values: Float64Array,
  n: number,
  ranks: readonly number[],
  bounds?: { min: number; max: number },
): number[] | null {
  let min = bounds?.min ?? Infinity
  let max = bounds?.max ?? -Infinity
  if (bounds === undefined) {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number
      if (v < min) min = v
      if (v > max) max = v
    }
  }
  const range = max - min
  if (!(range < HISTOGRAM_RANGE) || range > 4 * n + 1024) return null
  const counts = new Int32Array(range + 1)
  for (let i = 0; i < n; i++) {
    const v = (values[i] as number) - min
    if (v !== Math.floor(v)) return null
    counts[v] = (counts[v] as number) + 1
  }
  // answer the ranks in ascending order, whatever order they were asked in
  const order = ranks.map((_, i) => i).sort((a, b) => (ranks[a] as number) - (ranks[b] as number))
  const out = new Array<number>(ranks.length)
  let r = 0
  let seen = 0
  for (let v = 0; v <= range && r < order.length; v++) {
    seen += counts[v] as number
    while (r < order.length && (ranks[order[r] as number] as number) < seen) {
      out[order[r] as number] = v + min
      r++
    }
  }
  return out
}

/**
 * Several quantiles (0–1, ascending) of the first `n` values at once, linear interpolation
 * between closest ranks. Integer data in a small range (durations in minutes) is counted in a
 * histogram; anything else goes through selection. Reorders the buffer; nulls when `n` is 0.
 * `bounds` (the smallest and largest value, when the caller already knows them) saves a pass.
 *
 * @example
 * quantilesOf(Float64Array.of(4, 1, 3, 2), 4, [0.5, 0.9]) //=> [2.5, 3.7]
 */
export function quantilesOf(
  values: Float64Array,
  n: number,
  ps: readonly number[],
  bounds?: { min: number; max: number },
): (number | null)[] {
  if (n <= 0) return ps.map(() => null)
  const ranks: number[] = []
  for (const p of ps) {
    const k = Math.floor((n - 1) * p)
    ranks.push(k, Math.min(k + 1, n - 1))
  }
  const byRank = ranksByHistogram(values, n, ranks, bounds)
  return ps.map((p, i) => {
    const pos = (n - 1) * p
    const k = Math.floor(pos)
    const frac = pos - k
    if (byRank !== null) {
      const lower = byRank[i * 2] as number
      return frac === 0 ? lower : lower + ((byRank[i * 2 + 1] as number) - lower) * frac
    }
    return quantileCont(values, n, p)
  })
}

/**
 * The `p` quantile (0..1) of values already in ascending order, with linear interpolation between
 * closest ranks (several quantiles of one list, sorted once).
 *
 * @example
 * quantileOfSorted([10, 20], 0.9) //=> 19
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * p
  const k = Math.floor(pos)
  const lo = sorted[k] as number
  const hi = sorted[Math.min(k + 1, sorted.length - 1)] as number
  return lo + (hi - lo) * (pos - k)
}

/**
 * The `p` quantile (0..1) with linear interpolation between closest ranks, by sorting a copy; null
 * when empty (small lists, and the reference the selection paths are tested against).
 *
 * @example
 * quantileBySort([4, 1, 3, 2], 0.5) //=> 2.5
 */
export function quantileBySort(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  )
}
