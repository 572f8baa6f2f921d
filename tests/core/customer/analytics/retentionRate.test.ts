import { retentionRate, retentionRates } from '@/core/customer/analytics/retentionRate'
import { DAY, NOW, span } from './spanFixtures'

describe('retentionRate', () => {
  it('is (E − N) / S', () => {
    const from = NOW - 30 * DAY
    const spans = [
      span(),
      span(),
      span(),
      span({ churnedDaysAgo: 10 }), // active at start, lost
      span({ firstSeen: NOW - 10 * DAY }), // new
    ]
    expect(retentionRate(spans, from, NOW)).toEqual({
      from,
      to: NOW,
      start: 4,
      end: 4,
      new: 1,
      rate: 0.75,
    })
  })

  describe('edge cases', () => {
    it('returns a null rate with no customers at the start', () => {
      expect(retentionRate([span({ firstSeen: NOW - DAY })], NOW - 30 * DAY, NOW).rate).toBeNull()
      expect(retentionRate([], 0, 1).rate).toBeNull()
    })
  })
})

describe('retentionRates', () => {
  it('returns consecutive periods ending at `to`, oldest first', () => {
    const rates = retentionRates([span({ churnedDaysAgo: 45 })], NOW, {
      periods: 3,
      periodDays: 30,
    })
    expect(rates.map((r) => [r.from, r.to])).toEqual([
      [NOW - 90 * DAY, NOW - 60 * DAY],
      [NOW - 60 * DAY, NOW - 30 * DAY],
      [NOW - 30 * DAY, NOW],
    ])
    expect(rates.map((r) => r.rate)).toEqual([1, 0, null])
  })
})
