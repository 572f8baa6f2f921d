/**
 * mulberry32: a small, fast, seeded PRNG, so benchmark data is the same on every run and a failing
 * test case can be replayed from its seed (tests import it through tests/support/prng.ts).
 *
 * @example
 * const rand = mulberry32(1)
 * rand() //=> 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
