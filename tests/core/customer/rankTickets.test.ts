import { accountBaseline } from '@/core/customer/accountBaseline'
import { rankTickets } from '@/core/customer/rankTickets'
import { buildItem, buildProfile, daysAgo, NOW } from './customerFixtures'

describe('rankTickets', () => {
  const profiles = new Map([
    [1, buildProfile({ id: 1, fields: { lifetime_value: 5000 } })],
    [2, buildProfile({ id: 2, fields: { lifetime_value: 20 } })],
  ])
  const baseline = accountBaseline([...profiles.values()], [], NOW)

  it('ranks open tickets by score, highest first, and skips solved and future ones', () => {
    const tickets = [
      buildItem({ id: 10, requesterId: 2, created: daysAgo(0.1), priority: 'low' }),
      buildItem({ id: 11, requesterId: 1, created: daysAgo(1), priority: 'high' }),
      buildItem({ id: 12, requesterId: 1, created: daysAgo(2), solved: daysAgo(1) }),
      buildItem({ id: 13, requesterId: 2, created: daysAgo(-1) }),
      buildItem({ id: 14, requesterId: null, created: daysAgo(0.5) }),
    ]
    const ranked = rankTickets(profiles, tickets, baseline, NOW)
    expect(ranked.map((r) => r.ticketId)).toEqual([11, 14, 10])
    expect(ranked[0]?.customerId).toBe(1)
    const scores = ranked.map((r) => r.score.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    expect(rankTickets(profiles, tickets, baseline, NOW, 1)).toHaveLength(1)
  })

  it('breaks ties by age, then id', () => {
    const tickets = [
      buildItem({ id: 21, requesterId: 2, created: daysAgo(1) }),
      buildItem({ id: 20, requesterId: 2, created: daysAgo(1) }),
    ]
    // the same customer, created at the same time: identical scores
    expect(rankTickets(profiles, tickets, baseline, NOW).map((r) => r.ticketId)).toEqual([20, 21])
  })

  describe('edge cases', () => {
    it('returns nothing without open tickets', () => {
      expect(rankTickets(profiles, [], baseline, NOW)).toEqual([])
    })
  })
})
