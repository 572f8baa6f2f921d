import { accountBaseline, groupByRequester } from '@/core/customer/accountBaseline'
import { buildItem, buildProfile, daysAgo, NOW } from './customerFixtures'

describe('accountBaseline', () => {
  it('measures value distributions, the median wait and the effort per channel', () => {
    const customers = Array.from({ length: 25 }, (_, i) =>
      buildProfile({ id: i + 1, fields: { lifetime_value: (i + 1) * 100 } }),
    )
    const tickets = [
      ...[60, 120, 180, 240, 300].map((m) =>
        buildItem({
          created: daysAgo(5),
          solved: daysAgo(4),
          channel: 'chat',
          minutes: { fullResolution: m, requesterWait: m },
        }),
      ),
      buildItem({
        created: daysAgo(5),
        solved: daysAgo(4),
        minutes: { fullResolution: 2000, requesterWait: 1000 },
      }),
      buildItem({
        created: daysAgo(-2),
        solved: daysAgo(-3),
        minutes: { fullResolution: 9e6, requesterWait: 9e6 },
      }),
    ]
    const b = accountBaseline(customers, tickets, NOW)
    expect(b.typicalValue).toBe(1300)
    expect(b.valueThresholds).toEqual({ silver: 2020, gold: 2380, platinum: 2476 })
    expect(b.estimateThresholds).toBeNull()
    expect(b.medianWaitMinutes).toBe(210)
    expect(b.effortMinutes).toEqual({ byChannel: { chat: 180 }, overall: 210 })
    expect(b.channelRisk).toEqual({})
  })

  it('puts estimated values in their own distribution', () => {
    const b = accountBaseline(
      [buildProfile({ id: 7 })],
      [buildItem({ requesterId: 7, created: daysAgo(3) })],
      NOW,
    )
    expect(b.typicalValue).toBeNull()
    expect(b.typicalEstimate).toBeGreaterThan(0)
  })

  describe('edge cases', () => {
    it('gives nulls for an empty account', () => {
      expect(accountBaseline([], [], NOW)).toEqual({
        valueThresholds: null,
        estimateThresholds: null,
        typicalValue: null,
        typicalEstimate: null,
        medianWaitMinutes: null,
        effortMinutes: { byChannel: {}, overall: null },
        channelRisk: {},
      })
    })
  })
})

describe('groupByRequester', () => {
  it('groups by requester and leaves out tickets without one', () => {
    const g = groupByRequester([
      buildItem({ requesterId: 1 }),
      buildItem({ requesterId: 1 }),
      buildItem({ requesterId: null }),
    ])
    expect([...g.keys()]).toEqual([1])
    expect(g.get(1)).toHaveLength(2)
  })
})
