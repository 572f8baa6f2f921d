// Properties of the priority score: bounded, deterministic, monotone in every factor,
// contributions sum to the score, missing data neutral and flagged.

import fc from 'fast-check'
import { CHANNELS } from '@/core'
import {
  accountBaseline,
  assessCustomer,
  NEUTRAL_SUBSCORES,
  PRIORITY_FACTORS,
  priorityScore,
  scoreTicket,
  TICKET_PRIORITIES,
  TIER_FLOORS,
  VIP_TIERS,
} from '@/core/customer'
import type {
  CustomerTicket,
  PriorityFactorKey,
  PriorityInputs,
  PriorityScore,
} from '@/core/customer'
import { buildItem, buildProfile, NOW } from './customerFixtures'

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true })
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

const inputsArb: fc.Arbitrary<PriorityInputs> = fc.record({
  value: maybe(num(0, 1e7)),
  valueIsEstimate: fc.boolean(),
  currency: fc.constantFrom('USD', 'EUR', null),
  typicalValue: maybe(num(0, 1e5)),
  tier: fc.constantFrom(...VIP_TIERS),
  churnRisk: maybe(num(0, 1)),
  waitingMinutes: maybe(num(0, 1e6)),
  minutesToSlaBreach: maybe(num(-1e5, 1e5)),
  priority: maybe(fc.constantFrom(...TICKET_PRIORITIES)),
  contactsIn7Days: maybe(fc.integer({ min: 1, max: 30 })),
  channel: fc.constantFrom(...CHANNELS),
  channelRisk: maybe(num(0, 1)),
  expectedEffortMinutes: maybe(num(0, 1e5)),
})

const weightsArb = fc.record(
  Object.fromEntries(PRIORITY_FACTORS.map((k) => [k, num(0, 100)])) as Record<
    PriorityFactorKey,
    fc.Arbitrary<number>
  >,
)

const sumTenths = (s: PriorityScore): number =>
  s.factors.reduce((a, f) => a + Math.round(f.contribution * 10), 0)

/** Two known values of a numeric input, ordered. */
const pair = (min: number, max: number): fc.Arbitrary<readonly [number, number]> =>
  fc
    .tuple(num(min, max), num(min, max))
    .map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]))

describe('priorityScore properties', () => {
  it('is bounded to 0..100 and finite', () => {
    fc.assert(
      fc.property(inputsArb, weightsArb, (x, weights) => {
        const s = priorityScore(x, { weights })
        expect(Number.isFinite(s.score) && s.score >= 0 && s.score <= 100).toBe(true)
      }),
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputsArb, (x) => {
        expect(priorityScore({ ...x })).toEqual(priorityScore(x))
      }),
    )
  })

  it('has contributions that add up to the score exactly (in tenths)', () => {
    fc.assert(
      fc.property(inputsArb, weightsArb, (x, weights) => {
        const s = priorityScore(x, { weights })
        expect(sumTenths(s)).toBe(Math.round(s.score * 10))
        expect(Math.abs(s.factors.reduce((a, f) => a + f.contribution, 0) - s.score)).toBeLessThan(
          1e-9,
        )
        expect(s.factors.every((f) => f.contribution >= 0 && f.contribution <= 100)).toBe(true)
      }),
    )
  })

  it.each([
    ['more value', 'value', 0, 1e7, 1],
    ['more churn risk', 'churnRisk', 0, 1, 1],
    ['a longer wait', 'waitingMinutes', 0, 1e6, 1],
    ['a nearer SLA breach', 'minutesToSlaBreach', -1e5, 1e5, -1],
    ['more contacts in 7 days', 'contactsIn7Days', 1, 30, 1],
    ['a less loyal channel', 'channelRisk', 0, 1, 1],
    ['less expected effort', 'expectedEffortMinutes', 0, 1e5, -1],
  ] as const)('never lowers the score for %s', (_, key, min, max, direction) => {
    fc.assert(
      fc.property(inputsArb, pair(min, max), weightsArb, (x, [lo, hi], weights) => {
        const round = key === 'contactsIn7Days' ? Math.round : (v: number) => v
        const [worse, better] = direction === 1 ? [round(lo), round(hi)] : [round(hi), round(lo)]
        const a = priorityScore({ ...x, [key]: worse }, { weights })
        const b = priorityScore({ ...x, [key]: better }, { weights })
        expect(b.score).toBeGreaterThanOrEqual(a.score)
      }),
    )
  })

  it('never lowers the score for a higher ticket priority or a higher tier', () => {
    fc.assert(
      fc.property(
        inputsArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (x, i, j) => {
          const [lo, hi] = i <= j ? [i, j] : [j, i]
          const p = (k: number) => TICKET_PRIORITIES[k] ?? 'low'
          const t = (k: number) => VIP_TIERS[k] ?? 'standard'
          expect(priorityScore({ ...x, priority: p(hi) }).score).toBeGreaterThanOrEqual(
            priorityScore({ ...x, priority: p(lo) }).score,
          )
          expect(priorityScore({ ...x, tier: t(hi) }).score).toBeGreaterThanOrEqual(
            priorityScore({ ...x, tier: t(lo) }).score,
          )
        },
      ),
    )
  })

  it('uses the neutral subscore and flags the factor when an input is missing', () => {
    const nullable = {
      value: 'value',
      churnRisk: 'churnRisk',
      waitingMinutes: 'waiting',
      minutesToSlaBreach: 'slaBreach',
      priority: 'ticketPriority',
      contactsIn7Days: 'repeatContact',
      channelRisk: 'channelLoyalty',
      expectedEffortMinutes: 'effort',
    } as const
    fc.assert(
      fc.property(
        inputsArb,
        fc.constantFrom(...(Object.keys(nullable) as (keyof typeof nullable)[])),
        (x, input) => {
          const s = priorityScore({ ...x, [input]: null })
          const f = s.factors.find((g) => g.key === nullable[input])
          const neutral =
            input === 'value'
              ? Math.max(NEUTRAL_SUBSCORES.value, TIER_FLOORS[x.tier])
              : NEUTRAL_SUBSCORES[nullable[input]]
          expect(f).toMatchObject({ missing: true, subscore: neutral })
          expect(f?.reason.key).toMatch(/^valueModel\.reason\./)
        },
      ),
    )
  })

  it('never flags a factor whose input is known', () => {
    fc.assert(
      fc.property(inputsArb, (x) => {
        const s = priorityScore(x)
        const known: Record<PriorityFactorKey, boolean> = {
          value: x.value !== null,
          churnRisk: x.churnRisk !== null,
          waiting: x.waitingMinutes !== null,
          slaBreach: x.minutesToSlaBreach !== null,
          ticketPriority: x.priority !== null,
          repeatContact: x.contactsIn7Days !== null,
          channelLoyalty: x.channelRisk !== null,
          effort: x.expectedEffortMinutes !== null,
        }
        expect(s.factors.filter((f) => f.missing === known[f.key])).toEqual([])
      }),
    )
  })
})

describe('scoreTicket properties (the whole pipeline)', () => {
  const baseline = accountBaseline([], [], NOW)
  const itemArb = fc.record({
    hoursAgo: fc.double({ min: 0, max: 24 * 30, noNaN: true }),
    priority: fc.option(fc.constantFrom(...TICKET_PRIORITIES), { nil: null }),
    replies: fc.integer({ min: 0, max: 3 }),
    csat: fc.constantFrom('none' as const, 'good' as const, 'bad' as const),
  })

  it('never lowers the score of a ticket when the customer is worth more', () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 6 }),
        pair(0, 1e6),
        fc.option(fc.constantFrom('vip_silver', 'vip_gold', 'vip_platinum'), { nil: null }),
        (rows, [lo, hi], tag) => {
          const history = rows.map((r) =>
            buildItem({
              created: new Date(NOW - r.hoursAgo * 3_600_000).toISOString(),
              priority: r.priority,
              replies: r.replies,
              csat: r.csat,
            }),
          )
          const item = history[0] as CustomerTicket
          const score = (value: number): number => {
            const profile = buildProfile({
              fields: { lifetime_value: value },
              tags: tag === null ? [] : [tag],
            })
            const a = assessCustomer(profile, history, baseline, NOW)
            return scoreTicket(item, history, a, baseline, NOW).score
          }
          expect(score(hi)).toBeGreaterThanOrEqual(score(lo))
        },
      ),
    )
  })

  it('is bounded and flags the value when the customer is unknown', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), (rows) => {
        const history = rows.map((r) =>
          buildItem({
            created: new Date(NOW - r.hoursAgo * 3_600_000).toISOString(),
            priority: r.priority,
          }),
        )
        const a = assessCustomer(null, history, baseline, NOW)
        const s = scoreTicket(history[0] as CustomerTicket, history, a, baseline, NOW)
        expect(a.value.flags).toContain('noValueField')
        expect(s.score).toBeGreaterThanOrEqual(0)
        expect(s.score).toBeLessThanOrEqual(100)
      }),
    )
  })
})
