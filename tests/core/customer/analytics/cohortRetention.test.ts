import { agentRetention } from '@/core/customer/analytics/agentRetention'
import { groupRetention } from '@/core/customer/analytics/cohortRetention'
import {
  channelRiskFromRetention,
  retentionByChannel,
} from '@/core/customer/analytics/retentionByChannel'
import { DAY, NOW, span } from './spanFixtures'

describe('retentionByChannel', () => {
  it('shares retained customers by first-contact channel, with a Wilson interval', () => {
    const spans = [
      span({ channel: 'voice' }),
      span({ channel: 'voice' }),
      span({ channel: 'web' }),
      span({ channel: 'web', churnedDaysAgo: 3 }),
      span({ channel: 'web', churnedDaysAgo: 3 }),
    ]
    const r = retentionByChannel(spans, NOW)
    expect(r.map((g) => [g.key, g.customers, g.retained, g.rate])).toEqual([
      ['web', 3, 1, 1 / 3],
      ['voice', 2, 2, 1],
    ])
    const [lo, hi] = r[0]?.ci ?? [0, 0]
    expect(lo).toBeCloseTo(0.0615, 3)
    expect(hi).toBeCloseTo(0.7923, 3)
  })

  it('leaves out customers too new to judge and small groups', () => {
    const spans = [span({ firstContactAt: NOW - 10 * DAY }), span({ channel: 'chat' })]
    expect(retentionByChannel(spans, NOW).map((g) => g.key)).toEqual(['chat'])
    expect(retentionByChannel(spans, NOW, { minCustomers: 2 })).toEqual([])
  })
})

describe('channelRiskFromRetention', () => {
  it('scales each channel churn by the least loyal channel', () => {
    expect(
      channelRiskFromRetention([
        { key: 'voice', rate: 0.9, customers: 50 },
        { key: 'web', rate: 0.6, customers: 80 },
        { key: 'twitter', rate: 0.1, customers: 5 },
      ]),
    ).toEqual({ voice: 0.25, web: 1 })
  })

  it('is empty when nobody churned', () => {
    expect(channelRiskFromRetention([{ key: 'email', rate: 1, customers: 100 }])).toEqual({})
  })
})

describe('agentRetention', () => {
  it('counts a customer for every agent who served them', () => {
    const spans = [span({ agentIds: [1, 2] }), span({ agentIds: [2], churnedDaysAgo: 1 })]
    expect(agentRetention(spans, NOW).map((g) => [g.key, g.customers, g.retained])).toEqual([
      [2, 2, 1],
      [1, 1, 1],
    ])
  })
})

describe('groupRetention', () => {
  it('accepts any grouping', () => {
    const spans = [span({ tickets: 5 }), span({ tickets: 1, churnedDaysAgo: 2 })]
    const r = groupRetention(spans, NOW, (s) => [s.tickets > 2 ? 'frequent' : 'rare'])
    expect(r.map((g) => [g.key, g.rate])).toEqual([
      ['frequent', 1],
      ['rare', 0],
    ])
  })
})
