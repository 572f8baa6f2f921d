// Collections of duration values for percentiles: a push-only buffer for one-off reports and a
// sorted multiset with cheap add/remove for live (incrementally refreshed) reports.

import { medianAndP90, quantileCont } from './quantile'

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

  median(): number | null {
    return quantileCont(this.data, this.count, 0.5)
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
  private base = new Float64Array(0)
  private baseLen = 0
  private adds: number[] = []
  private dels: number[] = []
  private sortedAdds = new Float64Array(0)
  private sortedDels = new Float64Array(0)
  private dirty = false

  get count(): number {
    return this.baseLen + this.adds.length - this.dels.length
  }

  add(value: number): void {
    const i = this.dels.indexOf(value)
    if (i >= 0) {
      this.dels[i] = this.dels[this.dels.length - 1] as number
      this.dels.pop()
    } else this.adds.push(value)
    this.dirty = true
  }

  remove(value: number): void {
    const i = this.adds.indexOf(value)
    if (i >= 0) {
      this.adds[i] = this.adds[this.adds.length - 1] as number
      this.adds.pop()
    } else this.dels.push(value)
    this.dirty = true
  }

  private prepare(): void {
    if (!this.dirty) return
    this.dirty = false
    if (this.adds.length + this.dels.length > Math.max(COMPACT_AT, this.baseLen >>> 4)) {
      this.compact()
      return
    }
    this.sortedAdds = Float64Array.from(this.adds).sort()
    this.sortedDels = Float64Array.from(this.dels).sort()
  }

  private compact(): void {
    const adds = Float64Array.from(this.adds).sort()
    const dels = Float64Array.from(this.dels).sort()
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
    this.adds = []
    this.dels = []
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
