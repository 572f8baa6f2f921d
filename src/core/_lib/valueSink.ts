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
 * One side of the pending changes (additions or removals) as a sorted array plus the values
 * appended since the last query; a query sorts only those and merges them in.
 */
class PendingSide {
  sorted: Float64Array = new Float64Array(0)
  private fresh: number[] = []

  get total(): number {
    return this.sorted.length + this.fresh.length
  }

  push(value: number): void {
    this.fresh.push(value)
  }

  /** Merges the values appended since the last call into the sorted array. */
  rebuild(): void {
    if (this.fresh.length === 0) return
    const fresh = Float64Array.from(this.fresh).sort()
    this.fresh = []
    const old = this.sorted
    const out = new Float64Array(old.length + fresh.length)
    let i = 0
    let j = 0
    let o = 0
    while (i < old.length && j < fresh.length) {
      out[o++] =
        (old[i] as number) <= (fresh[j] as number) ? (old[i++] as number) : (fresh[j++] as number)
    }
    while (i < old.length) out[o++] = old[i++] as number
    while (j < fresh.length) out[o++] = fresh[j++] as number
    this.sorted = out
  }

  /** Members ≤ x (after `rebuild`). */
  rank(x: number): number {
    return upperBound(this.sorted, this.sorted.length, x)
  }

  clear(): void {
    this.sorted = new Float64Array(0)
    this.fresh = []
  }
}

/**
 * A multiset of numbers kept as a sorted base array plus pending additions and removals (O(1) per
 * change; callers only remove members); the k-th smallest is found by binary search over ranks without
 * merging, and the pending changes are merged into the base only when they grow past a threshold.
 */
export class SortedValues implements ValueSink {
  private base: Float64Array = new Float64Array(0)
  private baseLen = 0
  private readonly adds = new PendingSide()
  private readonly dels = new PendingSide()
  private dirty = false
  /** Initial load: values are appended unsorted and sorted once on the first query. */
  private bulk: ValueBuffer | null = new ValueBuffer(1024)

  get count(): number {
    return this.baseLen + (this.bulk?.count ?? 0) + this.adds.total - this.dels.total
  }

  /** Sorts the initial load into the base array (once). */
  private settle(): void {
    if (this.bulk === null) return
    const values = this.bulk.values()
    this.bulk = null
    this.base = values.sort()
    this.baseLen = values.length
  }

  add(value: number): void {
    if (this.bulk !== null) {
      this.bulk.add(value)
      return
    }
    this.adds.push(value)
    this.dirty = true
  }

  remove(value: number): void {
    this.settle()
    // removals are kept apart, not cancelled: rank = base + additions − removals stays exact
    this.dels.push(value)
    this.dirty = true
  }

  private prepare(): void {
    this.settle()
    if (!this.dirty) return
    this.dirty = false
    this.adds.rebuild()
    this.dels.rebuild()
    if (this.adds.total + this.dels.total > Math.max(COMPACT_AT, this.baseLen >>> 4)) this.compact()
  }

  private compact(): void {
    const adds = this.adds.sorted
    const dels = this.dels.sorted
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
  }

  /** Members ≤ x. */
  private rank(x: number): number {
    return upperBound(this.base, this.baseLen, x) + this.adds.rank(x) - this.dels.rank(x)
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
      this.firstAbove(this.adds.sorted, this.adds.sorted.length, k),
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
