import { slaOutcome, slaStats } from '@/core/kpi/slaAchievement'

describe('slaOutcome', () => {
  it.each([
    [{ appliedAt: 0, fulfilledAt: 5, breachedAt: NaN }, 'achieved', 5],
    [{ appliedAt: 0, fulfilledAt: 9, breachedAt: 7 }, 'breached', 7],
    [{ appliedAt: NaN, fulfilledAt: NaN, breachedAt: 3 }, 'breached', 3],
    [{ appliedAt: 0, fulfilledAt: NaN, breachedAt: NaN }, 'active', NaN],
    [{ appliedAt: NaN, fulfilledAt: 5, breachedAt: NaN }, 'active', NaN],
    [{ appliedAt: 10, fulfilledAt: 5, breachedAt: NaN }, 'active', NaN],
  ])('classifies %j as %s', (target, outcome, at) => {
    expect(slaOutcome(target)).toEqual({ outcome, at })
  })
})

describe('slaStats', () => {
  it('rates achieved over achieved + breached', () => {
    expect(slaStats(3, 1)).toEqual({ achieved: 3, breached: 1, rate: 0.75 })
  })

  it('returns a null rate with no finished targets', () => {
    expect(slaStats(0, 0).rate).toBeNull()
  })
})
