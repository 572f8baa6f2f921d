// Properties of the churn risk: bounded, deterministic, monotone in its signals, missing neutral.

import fc from 'fast-check'
import { churnRisk } from '@/core/customer'
import type { CustomerTicket } from '@/core/customer'
import { buildItem, buildProfile, DAY, NOW } from './customerFixtures'

const ticketArb: fc.Arbitrary<CustomerTicket> = fc
  .record({
    daysAgo: fc.double({ min: 0, max: 200, noNaN: true }),
    csat: fc.constantFrom('none', 'offered', 'good', 'bad'),
    reopens: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    wait: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  })
  .map((r) =>
    buildItem({
      created: new Date(NOW - r.daysAgo * DAY).toISOString(),
      csat: r.csat,
      reopens: r.reopens,
      solved:
        r.wait === null ? null : new Date(NOW - r.daysAgo * DAY + r.wait * 60_000).toISOString(),
      minutes: { requesterWait: r.wait },
    }),
  )
const historyArb = fc.array(ticketArb, { maxLength: 12 })
const medianArb = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null })

describe('churnRisk properties', () => {
  it('is bounded to 0..1, deterministic and levelled consistently', () => {
    fc.assert(
      fc.property(historyArb, medianArb, (history, m) => {
        const ctx = { accountMedianWaitMinutes: m }
        const r = churnRisk(buildProfile(), history, ctx, NOW)
        expect(r.score).toBeGreaterThanOrEqual(0)
        expect(r.score).toBeLessThanOrEqual(1)
        expect(churnRisk(buildProfile(), [...history].reverse(), ctx, NOW)).toEqual(r)
        expect(r.level).toBe(r.score >= 0.6 ? 'high' : r.score >= 0.3 ? 'medium' : 'low')
      }),
    )
  })

  it('never lowers the risk when a churn tag appears or a rating turns bad', () => {
    fc.assert(
      fc.property(historyArb, medianArb, fc.nat(), (history, m, pick) => {
        const ctx = { accountMedianWaitMinutes: m }
        const before = churnRisk(buildProfile(), history, ctx, NOW).score
        const tagged = churnRisk(buildProfile({ tags: ['churn_risk'] }), history, ctx, NOW).score
        expect(tagged).toBeGreaterThanOrEqual(before)
        if (history.length === 0) return
        const i = pick % history.length
        const worse = history.map((t, k) =>
          k === i ? { ...t, ticket: { ...t.ticket, csat: 'bad' as const } } : t,
        )
        expect(churnRisk(buildProfile(), worse, ctx, NOW).score).toBeGreaterThanOrEqual(before)
      }),
    )
  })

  it('gives missing signals strength 0 and flags them', () => {
    fc.assert(
      fc.property(historyArb, medianArb, (history, m) => {
        const r = churnRisk(null, history, { accountMedianWaitMinutes: m }, NOW)
        const bad = r.signals.filter((s) => s.missing && (s.strength !== 0 || s.observed !== null))
        expect(bad).toEqual([])
      }),
    )
  })
})
