import { retentionReport } from '@/core/customer/analytics/retentionReport'
import { buildItem, buildProfile, daysAgo, NOW } from '../customerFixtures'

describe('retentionReport', () => {
  it('bundles the analytics of an account and values the backlog', () => {
    const profiles = [
      buildProfile({ id: 1, fields: { lifetime_value: 1000 } }),
      buildProfile({ id: 2, fields: { lifetime_value: 300 } }),
      buildProfile({ id: 3 }),
    ]
    const tickets = [
      buildItem({
        requesterId: 1,
        created: daysAgo(200),
        channel: 'chat',
        solved: daysAgo(199),
        minutes: { fullResolution: 60 },
      }),
      buildItem({ requesterId: 1, created: daysAgo(2), csat: 'bad' }),
      buildItem({ requesterId: 1, created: daysAgo(1) }),
      buildItem({
        requesterId: 2,
        created: daysAgo(150),
        channel: 'web',
        solved: daysAgo(140),
        minutes: { fullResolution: 5000 },
      }),
      buildItem({ requesterId: 3, created: daysAgo(3) }),
    ]
    const r = retentionReport(profiles, tickets, NOW, { periods: 3 })
    expect(r.customers).toBe(3)
    expect(r.rates).toHaveLength(3)
    expect(r.byChannel.map((g) => [g.key, g.rate])).toEqual([
      ['chat', 1],
      ['web', 0],
    ])
    expect(r.byAgent).toEqual([])
    expect(r.byResolution.buckets.reduce((a, b) => a + b.customers, 0)).toBe(2)
    expect(r.topCustomers).toEqual([{ customerId: 1, activeTickets: 2, value: 1000, weight: 2000 }])
    const risk = r.backlog.get(1)?.churn.score ?? 0
    expect(r.revenueAtRisk).toEqual({
      byCurrency: {
        USD: {
          customers: 1,
          openTickets: 2,
          value: 1000,
          atRisk: Math.round(1000 * risk * 100) / 100,
          ticketWeighted: 2000,
        },
      },
      unvalued: { customers: 1, openTickets: 1 },
    })
    expect([...r.backlog.keys()].sort()).toEqual([1, 3])
    expect(r.baseline.typicalValue).toBe(650)
  })

  describe('edge cases', () => {
    it('reports an empty account without errors', () => {
      const r = retentionReport([], [], NOW)
      expect(r.customers).toBe(0)
      expect(r.rates.every((x) => x.rate === null)).toBe(true)
      expect(r.byResolution.knee).toBeNull()
      expect(r.topCustomers).toEqual([])
    })
  })
})
