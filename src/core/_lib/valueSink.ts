// Collections of duration values for percentiles: a push-only buffer for one-off reports and a
// sorted multiset with cheap add/remove for live (incrementally refreshed) reports.

import { medianAndP90, quantilesOf } from './quantile'

/** Where an accumulator puts the values a percentile is taken over. */
export interface ValueSink {
  readonly count: number
  add(value: number): void
  remove(value: number): void
  /** `{median, p90}`; both null when empty. May reorder internal storage. */
  medianAndP90(): { median: number | null; p90: number | null }
  median(): number | null
}

/** Push-only growable Float64Array; percentiles by selection. `remove` is not supported. */
export class ValueBuffer implements ValueSink {
  private data: Float64Array
  count = 0

  constructor(initialCapacity = 16) {
    this.data = new Float64Array(Math.max(1, initialCapacity))
  }

  add(value: number): void {
    if (this.count === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.count++] = value
  }

  remove(): void {
    throw new Error('ValueBuffer is push-only: use SortedValues for live reports')
  }

  medianAndP90(): { median: number | null; p90: number | null } {
    return medianAndP90(this.data, this.count)
  }

  /** A copy of the values held. */
  values(): Float64Array {
    return this.data.slice(0, this.count)
  }

  median(): number | null {
    return quantilesOf(this.data, this.count, [0.5])[0] ?? null
  }
}

/** Number of elements of sorted `a[0..n)` that are ≤ x. */
function upperBound(a: Float64Array, n: number, x: number): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((a[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

const COMPACT_AT = 4096

/**
 * A multiset of numbers kept as a sorted base array plus small unsorted lists of additions and
 * removals; the k-th smallest is found by binary search over ranks without merging, and the lists
 * are merged into the base only when they grow past a threshold.
 */
export class SortedValues implements ValueSink {
  private base: Float64Array = new Float64Array(0)
  private baseLen = 0
  /** Pending additions and removals as value → multiplicity (O(1) add/remove). */
  private readonly adds = new Map<number, number>()
  private readonly dels = new Map<number, number>()
  private addCount = 0
  private delCount = 0
  private sortedAdds: Float64Array = new Float64Array(0)
  private sortedDels: Float64Array = new Float64Array(0)
  private dirty = false
  /** Initial load: values are appended unsorted and sorted once on the first query. */
  private bulk: ValueBuffer | null = new ValueBuffer(1024)

  get count(): number {
    return this.baseLen + (this.bulk?.count ?? 0) + this.addCount - this.delCount
  }

  /** Sorts the initial load into the base array (once). */
  private settle(): void {
    if (this.bulk === null) return
    const values = this.bulk.values()
    this.bulk = null
    this.base = values.sort()
    this.baseLen = values.length
  }

  /** Moves one copy of `value` from `from` (if there) or into `to`; returns the side used. */
  private static shift(from: Map<number, number>, to: Map<number, number>, value: number): boolean {
    const c = from.get(value)
    if (c !== undefined) {
      if (c === 1) from.delete(value)
      else from.set(value, c - 1)
      return true
    }
    to.set(value, (to.get(value) ?? 0) + 1)
    return false
  }

  add(value: number): void {
    if (this.bulk !== null) {
      this.bulk.add(value)
      return
    }
    if (SortedValues.shift(this.dels, this.adds, value)) this.delCount--
    else this.addCount++
    this.dirty = true
  }

  remove(value: number): void {
    this.settle()
    if (SortedValues.shift(this.adds, this.dels, value)) this.addCount--
    else this.delCount++
    this.dirty = true
  }

  private static expand(m: Map<number, number>, total: number): Float64Array {
    const out = new Float64Array(total)
    let i = 0
    for (const [v, c] of m) out.fill(v, i, (i += c))
    return out.sort()
  }

  private prepare(): void {
    this.settle()
    if (!this.dirty) return
    this.dirty = false
    this.sortedAdds = SortedValues.expand(this.adds, this.addCount)
    this.sortedDels = SortedValues.expand(this.dels, this.delCount)
    if (this.addCount + this.delCount > Math.max(COMPACT_AT, this.baseLen >>> 4)) this.compact()
  }

  private compact(): void {
    const adds = this.sortedAdds
    const dels = this.sortedDels
    const out = new Float64Array(this.baseLen + adds.length)
    let i = 0
    let j = 0
    let d = 0
    let o = 0
    while (i < this.baseLen || j < adds.length) {
      const fromBase =
        j >= adds.length || (i < this.baseLen && (this.base[i] as number) <= (adds[j] as number))
      const v = fromBase ? (this.base[i++] as number) : (adds[j++] as number)
      while (d < dels.length && (dels[d] as number) < v) d++
      if (d < dels.length && dels[d] === v) {
        d++
        continue
      }
      out[o++] = v
    }
    this.base = out
    this.baseLen = o
    this.adds.clear()
    this.dels.clear()
    this.addCount = 0
    this.delCount = 0
    this.sortedAdds = new Float64Array(0)
    this.sortedDels = new Float64Array(0)
  }

  /** Members ≤ x. */
  private rank(x: number): number {
    return (
      upperBound(this.base, this.baseLen, x) +
      upperBound(this.sortedAdds, this.sortedAdds.length, x) -
      upperBound(this.sortedDels, this.sortedDels.length, x)
    )
  }

  /** Smallest member m with rank(m) > k, over candidates of one sorted array. */
  private firstAbove(a: Float64Array, n: number, k: number): number {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.rank(a[mid] as number) > k) hi = mid
      else lo = mid + 1
    }
    return lo < n ? (a[lo] as number) : Infinity
  }

  /** The k-th smallest member, 0-based. */
  kth(k: number): number {
    this.prepare()
    return Math.min(
      this.firstAbove(this.base, this.baseLen, k),
      this.firstAbove(this.sortedAdds, this.sortedAdds.length, k),
    )
  }

  private quantile(p: number): number | null {
    const n = this.count
    if (n <= 0) return null
    const pos = (n - 1) * p
    const k = Math.floor(pos)
    const frac = pos - k
    const lower = this.kth(k)
    if (frac === 0 || k + 1 >= n) return lower
    const upper = this.kth(k + 1)
    return lower + (upper - lower) * frac
  }

  medianAndP90(): { median: number | null; p90: number | null } {
    return { median: this.quantile(0.5), p90: this.quantile(0.9) }
  }

  median(): number | null {
    return this.quantile(0.5)
  }
}
