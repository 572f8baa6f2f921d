import { durationStats } from '@/core/kpi/durationStats'
import { SortedValues, ValueBuffer } from '@/core/_lib/valueSink'

describe('durationStats', () => {
  it.each([
    ['a buffer', () => new ValueBuffer()],
    ['a sorted multiset', () => new SortedValues()],
  ])('returns count, mean, median and p90 from %s', (_name, make) => {
    const sink = make()
    for (const v of [10, 20, 30, 40]) sink.add(v)
    expect(durationStats(100, sink)).toEqual({ count: 4, mean: 25, median: 25, p90: 37 })
  })

  describe('edge cases', () => {
    it('returns nulls when nothing was measured', () => {
      expect(durationStats(0, new ValueBuffer())).toEqual({
        count: 0,
        mean: null,
        median: null,
        p90: null,
      })
    })

    it('keeps a single zero as 0, not -0', () => {
      const sink = new ValueBuffer()
      sink.add(0)
      const stats = durationStats(0, sink)
      expect(Object.is(stats.median, 0)).toBe(true)
      expect(Object.is(stats.mean, 0)).toBe(true)
    })
  })
})
