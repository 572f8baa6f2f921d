import fc from 'fast-check'

import {
  medianAndP90,
  quantileBySort,
  quantileCont,
  quantilesOf,
  selectKth,
} from '@/core/_lib/quantile'

const numbers = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
  minLength: 1,
  maxLength: 200,
})
const integers = fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 400 })

describe('quantileCont', () => {
  it('interpolates between closest ranks like numpy', () => {
    expect(quantileCont(Float64Array.of(1, 2, 3, 4), 4, 0.5)).toBe(2.5)
    expect(quantileCont(Float64Array.of(10, 20), 2, 0.9)).toBe(19)
    expect(quantileCont(Float64Array.of(7), 1, 0.9)).toBe(7)
  })

  it('returns null with nothing to measure', () => {
    expect(quantileCont(new Float64Array(4), 0, 0.5)).toBeNull()
    expect(quantilesOf(new Float64Array(0), 0, [0.5, 0.9])).toEqual([null, null])
    expect(medianAndP90(new Float64Array(0), 0)).toEqual({ median: null, p90: null })
  })

  it.each([
    ['doubles', numbers],
    ['integers (histogram path)', integers],
  ])('equals a naive sort for %s', (_name, arb) => {
    fc.assert(
      fc.property(arb, fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const expected = quantileBySort(values, p) as number
        const tolerance = Math.max(1e-9, Math.abs(expected) * 1e-12)
        expect(
          Math.abs(
            (quantileCont(Float64Array.from(values), values.length, p) as number) - expected,
          ),
        ).toBeLessThanOrEqual(tolerance)
        const [median, p90] = quantilesOf(Float64Array.from(values), values.length, [0.5, 0.9])
        const both = medianAndP90(Float64Array.from(values), values.length)
        expect(median).toBeCloseTo(quantileBySort(values, 0.5) as number, 6)
        expect(p90).toBeCloseTo(quantileBySort(values, 0.9) as number, 6)
        expect(both.median).toBeCloseTo(quantileBySort(values, 0.5) as number, 6)
        expect(both.p90).toBeCloseTo(quantileBySort(values, 0.9) as number, 6)
      }),
      { numRuns: 150 },
    )
  })

  it('stays correct when selections run one after another on the same buffer', () => {
    fc.assert(
      fc.property(numbers, (values) => {
        const buf = Float64Array.from(values)
        quantileCont(buf, values.length, 0.5)
        expect(quantileCont(buf, values.length, 0.9)).toBeCloseTo(
          quantileBySort(values, 0.9) as number,
          6,
        )
        expect([...buf].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b))
      }),
    )
  })
})

describe('selectKth', () => {
  it('puts the k-th smallest at k with smaller values before it', () => {
    const values = Float64Array.of(5, 1, 4, 2, 3)
    expect(selectKth(values, 0, 4, 1)).toBe(2)
    expect(Math.max(values[0] as number)).toBeLessThanOrEqual(2)
  })

  it('orders a two-element range without losing a value', () => {
    const values = Float64Array.of(5, 3)
    expect(selectKth(values, 0, 1, 0)).toBe(3)
    expect([...values]).toEqual([3, 5])
  })
})
