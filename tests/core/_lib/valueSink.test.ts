import fc from 'fast-check'

import { quantileBySort } from '@/core/_lib/quantile'
import { SortedValues, ValueBuffer } from '@/core/_lib/valueSink'

describe('SortedValues', () => {
  it('keeps median and p90 equal to a naive sort under adds and removes', () => {
    const op = fc.record({ add: fc.boolean(), value: fc.integer({ min: 0, max: 50 }) })
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 })),
        fc.array(op, { maxLength: 300 }),
        (initial, ops) => {
          const sv = new SortedValues()
          const model: number[] = []
          for (const v of initial) {
            sv.add(v)
            model.push(v)
          }
          sv.median() // settle the initial load
          for (const { add, value } of ops) {
            if (add) {
              sv.add(value)
              model.push(value)
            } else {
              const i = model.indexOf(value)
              if (i < 0) continue // only remove members, as accumulators do
              model.splice(i, 1)
              sv.remove(value)
            }
          }
          expect(sv.count).toBe(model.length)
          expect(sv.medianAndP90()).toEqual({
            median: quantileBySort(model, 0.5),
            p90: quantileBySort(model, 0.9),
          })
        },
      ),
      { numRuns: 200 },
    )
  })

  it('compacts past the threshold and stays exact', () => {
    const sv = new SortedValues()
    const model: number[] = []
    for (let i = 0; i < 10000; i++) {
      sv.add(i % 97)
      model.push(i % 97)
      if (i % 3 === 0) {
        sv.remove(i % 89)
        model.splice(model.indexOf(i % 89), 1)
      }
    }
    expect(sv.count).toBe(model.length)
    expect(sv.median()).toBe(quantileBySort(model, 0.5))
  })
})

describe('ValueBuffer', () => {
  it('is push-only', () => {
    const b = new ValueBuffer()
    b.add(1)
    expect(() => b.remove()).toThrow(/push-only/)
    expect(b.medianAndP90()).toEqual({ median: 1, p90: 1 })
  })
})
