import { accountBaseline } from '@/core/customer/accountBaseline'
import { assessCustomer } from '@/core/customer/assessCustomer'
import { scoreTicket } from '@/core/customer/scoreTicket'
import type { SlaClockEvent } from '@/core/customer/slaClock'
import { scoreRequesterTicket } from '@/core/view/scoreRequesterTicket'
import { buildItem, buildProfile, daysAgo, NOW } from '../customer/customerFixtures'

const EMPTY = accountBaseline([], [], NOW)

describe('scoreRequesterTicket', () => {
  const profile = buildProfile({ fields: { lifetime_value: 3000 } })
  const older = buildItem({ id: 1, created: daysAgo(3), csat: 'bad' })
  const current = buildItem({ id: 2, created: daysAgo(1), status: 'open', priority: 'high' })

  it('gives the same numbers as the value model, rounded for display', () => {
    const s = scoreRequesterTicket({
      ticket: current,
      history: [older, current],
      profile,
      baseline: EMPTY,
      now: NOW,
      settings: {},
    })
    const a = assessCustomer(profile, [older, current], EMPTY, NOW, {}, current.tags)
    const score = scoreTicket(current, [older, current], a, EMPTY, NOW, {}, [])
    expect(s.ticketId).toBe(2)
    expect(s.score).toBe(score.score)
    expect(s.level).toBe(score.level)
    expect(s.factors.map((f) => f.key)).toEqual(score.factors.map((f) => f.key))
    expect(s.factors.map((f) => f.reasonKey)).toEqual(score.factors.map((f) => f.reason.key))
    const total = s.factors.reduce((sum, f) => sum + f.contribution, 0)
    expect(Math.round(total * 10) / 10).toBe(s.score)
    expect(s.value).toEqual({
      amount: 3000,
      currency: 'USD',
      source: 'userField',
      field: 'user.lifetime_value',
      isEstimate: false,
    })
    expect(s.tier).toMatchObject({ tier: 'gold', source: 'threshold', fallback: true })
    expect(s.tier.nextTier).toEqual({ tier: 'platinum', at: 10000, gap: 7000 })
    expect(s.churn.score).toBe(a.churn.score)
    expect(s.churn.percent).toBe(Math.round(a.churn.score * 100))
    for (const sig of s.churn.signals) {
      expect(Math.round(sig.strength * 1000)).toBeCloseTo(sig.strength * 1000, 6)
    }
    expect(s.retentionValue).toEqual({ amount: a.retentionValue.amount, currency: 'USD' })
    expect(s.flags).toEqual([])
    expect(s.slaSource).toBe('targets')
  })

  it('adds the ticket to a history that lacks it, and prefers the given copy over a stored one', () => {
    const base = { profile, baseline: EMPTY, now: NOW, settings: {} }
    const withIt = scoreRequesterTicket({ ...base, ticket: current, history: [older, current] })
    const without = scoreRequesterTicket({ ...base, ticket: current, history: [older] })
    expect(without).toEqual(withIt)
    const stale = buildItem({ id: 2, created: daysAgo(1), status: 'open', priority: 'low' })
    const fresh = scoreRequesterTicket({ ...base, ticket: current, history: [older, stale] })
    expect(fresh).toEqual(withIt)
  })

  it('says when percentile tiers fell back to the threshold settings for want of a baseline', () => {
    const settings = {
      tierThresholds: null,
      tierFallbackThresholds: { silver: 100, gold: 200, platinum: 2500 },
    }
    const base = { ticket: current, history: [current], profile, now: NOW, settings }
    const noBaseline = scoreRequesterTicket({ ...base, baseline: EMPTY })
    expect(noBaseline.tier).toMatchObject({ tier: 'platinum', source: 'threshold', fallback: true })
    const percentiles = { silver: 1000, gold: 5000, platinum: 9000 }
    const withBaseline = scoreRequesterTicket({
      ...base,
      baseline: { ...EMPTY, valueThresholds: percentiles },
    })
    expect(withBaseline.tier).toMatchObject({
      tier: 'silver',
      source: 'percentile',
      fallback: false,
    })
    const configured = scoreRequesterTicket({
      ...base,
      baseline: EMPTY,
      settings: { tierThresholds: percentiles },
    })
    expect(configured.tier).toMatchObject({ tier: 'silver', source: 'threshold', fallback: false })
  })

  it('raises the tier from the current ticket tags when given', () => {
    const base = { ticket: current, history: [current], profile, baseline: EMPTY, now: NOW }
    expect(scoreRequesterTicket({ ...base, settings: {} }).tier.tier).toBe('gold')
    const tagged = scoreRequesterTicket({ ...base, settings: {}, ticketTags: ['vip_platinum'] })
    expect(tagged.tier).toMatchObject({ tier: 'platinum', source: 'tag', tag: 'vip_platinum' })
  })

  it('flags an unknown requester and scores on an estimate', () => {
    const s = scoreRequesterTicket({
      ticket: current,
      history: [],
      profile: null,
      baseline: EMPTY,
      now: NOW,
      settings: {},
    })
    expect(s.customerId).toBeNull()
    expect(s.value.isEstimate).toBe(true)
    expect(s.value.currency).toBeNull()
    expect(s.flags[0]).toBe('unknownRequester')
  })

  it('takes SLA time left from the clock events when given', () => {
    const events: SlaClockEvent[] = [
      {
        metric: 'first_reply_time',
        instanceId: 1,
        type: 'apply_sla',
        time: Date.parse(daysAgo(1)),
        deleted: false,
        targetMinutes: 60,
      },
      {
        metric: 'first_reply_time',
        instanceId: 1,
        type: 'activate',
        time: Date.parse(daysAgo(1)),
        deleted: false,
        targetMinutes: null,
      },
    ]
    const s = scoreRequesterTicket({
      ticket: current,
      history: [current],
      profile,
      baseline: EMPTY,
      now: NOW,
      settings: {},
      slaEvents: events,
    })
    expect(s.slaSource).toBe('events')
    const sla = s.factors.find((f) => f.key === 'slaBreach')
    expect(sla?.reasonKey).toBe('valueModel.reason.slaBreached')
  })
})
