// The tests' seeded PRNG is the benchmarks' one (bench/prng.ts): one mulberry32, the same
// sequences, so a failing case can be replayed from its seed.
export { mulberry32 } from '../../bench/prng'
