// Seeded pseudo-random numbers. The simulator never calls Math.random: every value comes from an sfc32
// stream whose state is derived from the account seed and a stable key (an entity id, a stream name), so any
// entity can be regenerated on its own and the whole account is reproducible byte for byte.

/** A seeded random stream. */
export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number
}

/** 32-bit string/number hash (FNV-1a then a murmur finaliser), used to derive stream seeds. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    const s = typeof part === 'number' ? String(part) : part
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    h ^= 0x7c
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), warmed up for 12 rounds. */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  let s0 = a | 0
  let s1 = b | 0
  let s2 = c | 0
  let s3 = d | 0
  const step = (): number => {
    const t = (((s0 + s1) | 0) + s3) | 0
    s3 = (s3 + 1) | 0
    s0 = s1 ^ (s1 >>> 9)
    s1 = (s2 + (s2 << 3)) | 0
    s2 = (s2 << 21) | (s2 >>> 11)
    s2 = (s2 + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) step()
  return { next: step }
}

/** A stream for `(seed, key…)`: the same arguments always give the same sequence. */
export function streamFor(seed: number, ...key: (string | number)[]): Rng {
  const h = hash32(seed, ...key)
  return sfc32(h, hash32(h, 'b'), hash32(h, 'c'), seed | 0)
}

/** Integer in [min, max] inclusive. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1))
}

/** True with probability `p`. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p
}

/** Standard normal variate (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next()
  const v = rng.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Log-normal variate with the given median and log-space sigma. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng))
}

/** Exponential variate with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean
}

/** Picks from `[value, weight]` pairs. Weights need not sum to 1. */
export function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let total = 0
  for (const [, w] of table) total += w
  let r = rng.next() * total
  for (const [value, w] of table) {
    r -= w
    if (r < 0) return value
  }
  const last = table[table.length - 1]
  if (last === undefined) throw new Error('weighted: empty table')
  return last[0]
}

/** Picks one element uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)]
  if (item === undefined) throw new Error('pick: empty list')
  return item
}

/**
 * Walker's alias table for O(1) weighted sampling of indices (used to pick requesters for a million tickets).
 */
export class AliasTable {
  private readonly prob: Float64Array
  private readonly alias: Uint32Array
  readonly size: number

  constructor(weights: ArrayLike<number>) {
    const n = weights.length
    if (n === 0) throw new Error('AliasTable: no weights')
    this.size = n
    this.prob = new Float64Array(n)
    this.alias = new Uint32Array(n)
    let total = 0
    for (let i = 0; i < n; i++) total += weights[i] ?? 0
    if (!(total > 0)) throw new Error('AliasTable: weights must sum to a positive number')
    const scaled = new Float64Array(n)
    const small: number[] = []
    const large: number[] = []
    for (let i = 0; i < n; i++) {
      scaled[i] = ((weights[i] ?? 0) * n) / total
      if ((scaled[i] ?? 0) < 1) small.push(i)
      else large.push(i)
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number
      const l = large.pop() as number
      this.prob[s] = scaled[s] ?? 0
      this.alias[s] = l
      scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1
      if ((scaled[l] ?? 0) < 1) small.push(l)
      else large.push(l)
    }
    for (const i of large) this.prob[i] = 1
    for (const i of small) this.prob[i] = 1
  }

  sample(rng: Rng): number {
    const i = Math.floor(rng.next() * this.size)
    return rng.next() < (this.prob[i] ?? 1) ? i : (this.alias[i] ?? i)
  }
}
