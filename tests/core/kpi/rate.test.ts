import { rateKpi, ratio } from '@/core/kpi/rate'

describe('rateKpi', () => {
  it('divides the count by the denominator', () => {
    expect(rateKpi(3, 12)).toEqual({ count: 3, rate: 0.25 })
  })

  describe('edge cases', () => {
    it('returns a null rate with nothing to measure', () => {
      expect(rateKpi(0, 0)).toEqual({ count: 0, rate: null })
      expect(ratio(1, -1)).toBeNull()
    })
  })
})
