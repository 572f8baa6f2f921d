import { accountBaseline } from '@/core/customer/accountBaseline'
import { assessCustomer } from '@/core/customer/assessCustomer'
import { priorityScore } from '@/core/customer/priorityScore'
import { scoreTicket, ticketPriorityInputs } from '@/core/customer/scoreTicket'
import { buildItem, buildProfile, daysAgo, NOW } from './customerFixtures'

const EMPTY = accountBaseline([], [], NOW)

/** The metric events of a first reply SLA of 150 minutes, applied when the ticket was created. */
function firstReplySla(createdAt: number) {
  const event = {
    metric: 'first_reply_time' as const,
    instanceId: 1,
    time: createdAt,
    deleted: false,
  }
  return [
    { ...event, type: 'activate' as const, targetMinutes: null },
    { ...event, type: 'apply_sla' as const, targetMinutes: 150 },
  ]
}

describe('assessCustomer', () => {
  it('returns value, tier, churn risk and retention value together', () => {
    const profile = buildProfile({ fields: { lifetime_value: 3000 } })
    const history = [buildItem({ created: daysAgo(10), csat: 'bad' })]
    const a = assessCustomer(profile, history, EMPTY, NOW)
    expect(a.customerId).toBe(1000)
    expect(a.value.amount).toBe(3000)
    expect(a.tier).toMatchObject({
      tier: 'gold',
      source: 'threshold',
      nextTier: { tier: 'platinum', gap: 7000 },
    })
    expect(a.churn.score).toBeCloseTo(1 - 0.95 * (1 - 0.4 * 0.5), 3)
    expect(a.retentionValue).toEqual({
      amount: Math.round(3000 * a.churn.score * 100) / 100,
      value: 3000,
      churnRisk: a.churn.score,
      currency: 'USD',
    })
  })

  it('uses configured thresholds before the account percentiles', () => {
    const profile = buildProfile({ fields: { lifetime_value: 300 } })
    const baseline = { ...EMPTY, valueThresholds: { silver: 100, gold: 200, platinum: 250 } }
    expect(assessCustomer(profile, [], baseline, NOW).tier).toMatchObject({
      tier: 'platinum',
      source: 'percentile',
    })
    const configured = { tierThresholds: { silver: 1000, gold: 2000, platinum: 3000 } }
    expect(assessCustomer(profile, [], baseline, NOW, configured).tier.tier).toBe('standard')
  })

  it('values and tiers a customer by the organization when the user has no value field', () => {
    const profile = buildProfile({
      orgFields: { annual_revenue: '12,000' },
      orgTags: ['vip_platinum'],
    })
    const a = assessCustomer(profile, [], EMPTY, NOW)
    expect(a.value).toMatchObject({ amount: 12000, source: 'organizationField' })
    expect(a.tier).toMatchObject({ tier: 'platinum', source: 'threshold' })
    const small = buildProfile({ orgFields: { annual_revenue: 10 }, orgTags: ['vip_platinum'] })
    expect(assessCustomer(small, [], EMPTY, NOW).tier).toMatchObject({
      tier: 'platinum',
      source: 'tag',
      tag: 'vip_platinum',
    })
  })

  it('tiers estimates against estimate thresholds and honours ticket tags', () => {
    const a = assessCustomer(null, [], EMPTY, NOW, {}, ['vip_silver'])
    expect(a.value.isEstimate).toBe(true)
    expect(a.tier).toMatchObject({ tier: 'silver', source: 'tag', thresholds: { silver: 45 } })
  })
})

describe('ticketPriorityInputs', () => {
  it('derives waiting, SLA, repeat contacts and baseline numbers for the ticket', () => {
    const t = buildItem({ created: daysAgo(0.1), replies: 0, channel: 'chat' })
    const history = [buildItem({ created: daysAgo(3) }), buildItem({ created: daysAgo(9) }), t]
    const baseline = {
      ...EMPTY,
      channelRisk: { chat: 0.2 },
      effortMinutes: { byChannel: { chat: 30 }, overall: 500 },
    }
    const a = assessCustomer(buildProfile(), history, baseline, NOW)
    const x = ticketPriorityInputs(t, history, a, baseline, NOW)
    expect(x.waitingMinutes).toBeCloseTo(144)
    expect(x.minutesToSlaBreach).toBe(480 - 144)
    expect(x.contactsIn7Days).toBe(2)
    expect(x.channelRisk).toBe(0.2)
    expect(x.expectedEffortMinutes).toBe(30)
    expect(x.valueIsEstimate).toBe(true)
  })

  it('takes SLA time left from the ticket metric events when given', () => {
    const t = buildItem({ created: daysAgo(0.1), replies: 0 })
    const a = assessCustomer(null, [t], EMPTY, NOW)
    const events = firstReplySla(t.ticket.createdAt)
    expect(ticketPriorityInputs(t, [t], a, EMPTY, NOW, {}, events).minutesToSlaBreach).toBe(6)
    expect(ticketPriorityInputs(t, [t], a, EMPTY, NOW, {}, []).minutesToSlaBreach).toBe(480 - 144)
  })

  it('does not count a solved ticket as waiting', () => {
    const t = buildItem({ created: daysAgo(3), solved: daysAgo(2) })
    const a = assessCustomer(null, [t], EMPTY, NOW)
    expect(ticketPriorityInputs(t, [t], a, EMPTY, NOW)).toMatchObject({
      waitingMinutes: 0,
      minutesToSlaBreach: null,
    })
  })
})

describe('scoreTicket', () => {
  it("ranks the Gold customer's third contact near breach above a first contact of a small one", () => {
    const gold = buildProfile({ id: 1, fields: { lifetime_value: 3000 } })
    const small = buildProfile({ id: 2, fields: { lifetime_value: 50 } })
    const goldHistory = [2, 1, 0.2].map((d) =>
      buildItem({ requesterId: 1, created: daysAgo(d), replies: 0, priority: 'high' }),
    )
    const smallTicket = buildItem({ requesterId: 2, created: daysAgo(0.2), replies: 0 })
    const top = scoreTicket(
      goldHistory[2]!,
      goldHistory,
      assessCustomer(gold, goldHistory, EMPTY, NOW),
      EMPTY,
      NOW,
    )
    const low = scoreTicket(
      smallTicket,
      [smallTicket],
      assessCustomer(small, [smallTicket], EMPTY, NOW),
      EMPTY,
      NOW,
    )
    expect(top.score).toBeGreaterThan(low.score)
    expect(top.factors.find((f) => f.key === 'repeatContact')?.reason.params).toEqual({
      ordinal: 3,
      days: 7,
    })
  })

  it('scores the inputs of the same arguments with the settings weights and the SLA events', () => {
    const t = buildItem({ created: daysAgo(0.1), replies: 0 })
    const a = assessCustomer(buildProfile({ fields: { lifetime_value: 3000 } }), [t], EMPTY, NOW)
    const events = firstReplySla(t.ticket.createdAt)
    const settings = { priority: { weights: { value: 0, slaBreach: 60 } } }
    const score = scoreTicket(t, [t], a, EMPTY, NOW, settings, events)
    const inputs = ticketPriorityInputs(t, [t], a, EMPTY, NOW, settings, events)
    expect(inputs.minutesToSlaBreach).toBe(6)
    expect(score).toEqual(priorityScore(inputs, settings.priority))
    // the weights and the events both count
    expect(score.factors.find((f) => f.key === 'value')?.contribution).toBe(0)
    expect(score).not.toEqual(scoreTicket(t, [t], a, EMPTY, NOW, settings))
    expect(score).not.toEqual(scoreTicket(t, [t], a, EMPTY, NOW, {}, events))
  })
})
