import {
  DEFAULT_PRIORITY_WEIGHTS,
  normalisedWeights,
  priorityLevel,
  priorityScore,
} from '@/core/customer/priorityScore'
import type { PriorityFactorKey, PriorityScore } from '@/core/customer'
import { BASE_INPUTS } from './priorityFixtures'

const factor = (s: PriorityScore, key: PriorityFactorKey) => {
  const f = s.factors.find((x) => x.key === key)
  if (f === undefined) throw new Error(`no factor ${key}`)
  return f
}
const sum = (s: PriorityScore): number => s.factors.reduce((a, f) => a + f.contribution, 0)

describe('priorityScore', () => {
  it('computes the weighted sum of the factor subscores', () => {
    const s = priorityScore(BASE_INPUTS)
    // value 0.5×25, churn 0.2×20, waiting (1−e^−1/12)×15, SLA 60/300×15, normal 0.4×10,
    // first contact 0, channel 0.5×5, effort 0.5×5
    const expected = 12.5 + 4 + (1 - Math.exp(-120 / 1440)) * 15 + 0.2 * 15 + 4 + 0 + 2.5 + 2.5
    expect(s.score).toBe(Math.round(expected * 10) / 10)
    expect(s.level).toBe('medium')
    expect(s.factors.map((f) => f.key)).toEqual(Object.keys(DEFAULT_PRIORITY_WEIGHTS))
    expect(sum(s)).toBeCloseTo(s.score, 9)
  })

  it('explains each factor with a translatable reason', () => {
    const s = priorityScore({
      ...BASE_INPUTS,
      tier: 'gold',
      contactsIn7Days: 3,
      minutesToSlaBreach: 25,
      waitingMinutes: 300,
    })
    expect(factor(s, 'value').reason).toEqual({
      key: 'valueModel.reason.tier',
      params: { tier: 'gold', value: 500, currency: 'USD' },
    })
    expect(factor(s, 'repeatContact').reason).toEqual({
      key: 'valueModel.reason.repeatContact',
      params: { ordinal: 3, days: 7 },
    })
    expect(factor(s, 'slaBreach').reason).toEqual({
      key: 'valueModel.reason.slaBreachIn',
      params: { minutes: 25 },
    })
    expect(factor(s, 'waiting').reason.params).toEqual({ minutes: 300, hours: 5 })
  })

  it('gives a Gold customer at least the Gold floor on value', () => {
    const s = priorityScore({ ...BASE_INPUTS, value: 10, tier: 'gold' })
    expect(factor(s, 'value').subscore).toBe(0.7)
  })

  it('gives the full SLA points once breached', () => {
    const s = priorityScore({ ...BASE_INPUTS, minutesToSlaBreach: -10 })
    expect(factor(s, 'slaBreach')).toMatchObject({
      subscore: 1,
      contribution: 15,
      reason: { key: 'valueModel.reason.slaBreached', params: { minutes: 10 } },
    })
  })

  it.each([
    ['low', 0.1],
    ['normal', 0.4],
    ['high', 0.7],
    ['urgent', 1],
  ] as const)('scores a %s ticket priority at %p', (priority, subscore) => {
    expect(factor(priorityScore({ ...BASE_INPUTS, priority }), 'ticketPriority').subscore).toBe(
      subscore,
    )
  })

  it('ranks a Gold, at-risk, urgent ticket near breach above a routine one', () => {
    const top = priorityScore({
      ...BASE_INPUTS,
      value: 5000,
      tier: 'gold',
      churnRisk: 0.7,
      priority: 'urgent',
      minutesToSlaBreach: 20,
      contactsIn7Days: 3,
    })
    const routine = priorityScore({ ...BASE_INPUTS, value: 80, priority: 'low', churnRisk: 0.05 })
    expect(top.score).toBeGreaterThan(65)
    expect(top.level).toBe('critical')
    expect(routine.score).toBeLessThan(25)
  })

  it('uses custom weights, normalised to 100', () => {
    const s = priorityScore(
      { ...BASE_INPUTS, priority: 'urgent' },
      {
        weights: {
          ...Object.fromEntries(Object.keys(DEFAULT_PRIORITY_WEIGHTS).map((k) => [k, 0])),
          ticketPriority: 3,
        },
      },
    )
    expect(s.score).toBe(100)
    expect(factor(s, 'ticketPriority').contribution).toBe(100)
  })

  describe('edge cases', () => {
    it('uses neutral subscores and flags every missing input', () => {
      const s = priorityScore({
        ...BASE_INPUTS,
        value: null,
        typicalValue: null,
        churnRisk: null,
        waitingMinutes: null,
        minutesToSlaBreach: null,
        priority: null,
        contactsIn7Days: null,
        channelRisk: null,
        expectedEffortMinutes: null,
      })
      expect(s.factors.every((f) => f.missing)).toBe(true)
      expect(s.score).toBe(12.5 + 4 + 0 + 0 + 4 + 0 + 2.5 + 2.5)
      expect(factor(s, 'slaBreach').reason.key).toBe('valueModel.reason.noSlaTarget')
    })

    it('treats NaN inputs as missing, never as numbers', () => {
      const s = priorityScore({
        ...BASE_INPUTS,
        value: Number.NaN,
        churnRisk: Number.NaN,
        waitingMinutes: Number.NaN,
      })
      expect(Number.isFinite(s.score)).toBe(true)
      expect(factor(s, 'value').missing).toBe(true)
      expect(factor(s, 'churnRisk').missing).toBe(true)
      expect(factor(s, 'waiting').missing).toBe(true)
    })

    it('falls back to default weights when all weights are zero or invalid', () => {
      const zero = Object.fromEntries(
        Object.keys(DEFAULT_PRIORITY_WEIGHTS).map((k) => [k, Number.NaN]),
      )
      expect(priorityScore(BASE_INPUTS, { weights: zero }).score).toBe(
        priorityScore(BASE_INPUTS).score,
      )
    })

    it('keeps the value typical of estimates separate from money', () => {
      const s = priorityScore({
        ...BASE_INPUTS,
        value: 40,
        valueIsEstimate: true,
        currency: null,
        typicalValue: null,
      })
      expect(factor(s, 'value')).toMatchObject({
        subscore: 0.5,
        reason: { key: 'valueModel.reason.valueEstimate', params: { currency: 'points' } },
      })
    })
  })
})

describe('priorityLevel', () => {
  it.each([
    [0, 'low'],
    [24.9, 'low'],
    [25, 'medium'],
    [45, 'high'],
    [65, 'critical'],
    [100, 'critical'],
  ] as const)('puts %p in %s', (score, level) => {
    expect(priorityLevel(score)).toBe(level)
  })
})

describe('normalisedWeights', () => {
  it('scales the weights to 100', () => {
    expect(normalisedWeights({ value: 50 }).value).toBe(40)
    const w = normalisedWeights({ effort: -5 })
    expect(w.effort).toBe(0)
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9)
  })
})
