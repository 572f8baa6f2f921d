import { previousPeriod } from '@/core/kpi/period'

describe('previousPeriod', () => {
  it('returns the period of equal length just before', () => {
    expect(previousPeriod(19730, 19737)).toEqual({ fromDay: 19723, toDay: 19730 })
  })

  it('handles a one-day period', () => {
    expect(previousPeriod(100, 101)).toEqual({ fromDay: 99, toDay: 100 })
  })
})
