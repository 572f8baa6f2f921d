import { csatKpi } from '@/core/kpi/csat'

describe('csatKpi', () => {
  it('scores good / (good + bad) and answers / surveys sent', () => {
    expect(csatKpi(9, 1, 30)).toEqual({
      good: 9,
      bad: 1,
      offered: 40,
      score: 0.9,
      responseRate: 0.25,
    })
  })

  describe('edge cases', () => {
    it('returns nulls with no ratings and no surveys', () => {
      expect(csatKpi(0, 0, 0)).toEqual({
        good: 0,
        bad: 0,
        offered: 0,
        score: null,
        responseRate: null,
      })
    })

    it('scores 0 (not null) when every answer is bad', () => {
      expect(csatKpi(0, 2, 0).score).toBe(0)
    })
  })
})
