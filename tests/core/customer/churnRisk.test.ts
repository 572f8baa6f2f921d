import { churnLevel, churnRisk } from '@/core/customer/churnRisk'
import type { ChurnSignalKey } from '@/core/customer'
import { buildItem, buildProfile, daysAgo, NOW } from './customerFixtures'

const CTX = { accountMedianWaitMinutes: 600 }
const strength = (r: ReturnType<typeof churnRisk>, key: ChurnSignalKey): number =>
  r.signals.find((s) => s.key === key)?.strength ?? Number.NaN

describe('churnRisk', () => {
  it('is the base risk, low, for a quiet customer with good ratings', () => {
    const history = [buildItem({ created: daysAgo(20), csat: 'good', solved: daysAgo(19) })]
    const r = churnRisk(buildProfile(), history, CTX, NOW)
    expect(r.score).toBe(0.05)
    expect(r.level).toBe('low')
  })

  it('combines bad ratings and a reopen as a noisy-OR', () => {
    const history = [
      buildItem({ created: daysAgo(60), csat: 'bad' }),
      buildItem({ created: daysAgo(30), csat: 'bad', reopens: 1 }),
    ]
    const r = churnRisk(buildProfile(), history, CTX, NOW)
    expect(strength(r, 'badRatings')).toBe(1)
    expect(strength(r, 'reopens')).toBe(0.5)
    // 1 − 0.95 × (1 − 0.4) × (1 − 0.2 × 0.5)
    expect(r.score).toBeCloseTo(1 - 0.95 * 0.6 * 0.9, 3)
    expect(r.level).toBe('medium')
  })

  it('counts contacts within 7 days of the previous one as repeat contacts', () => {
    const history = [10, 8, 6, 30].map((d) => buildItem({ created: daysAgo(d) }))
    const r = churnRisk(buildProfile(), history, CTX, NOW)
    expect(r.signals.find((s) => s.key === 'repeatContacts')?.observed).toBe(2)
  })

  it('compares recent waits with the account median', () => {
    const history = [
      buildItem({ created: daysAgo(10), solved: daysAgo(8), minutes: { requesterWait: 1800 } }),
    ]
    const r = churnRisk(buildProfile(), history, CTX, NOW)
    expect(r.signals.find((s) => s.key === 'longWaits')).toMatchObject({ observed: 3, strength: 1 })
  })

  it('notices a contact cadence that stopped', () => {
    // contacts every 10 days, then 60 days of silence: 6× the usual gap
    const history = [90, 80, 70, 60].map((d) => buildItem({ created: daysAgo(d) }))
    const r = churnRisk(buildProfile(), history, CTX, NOW)
    expect(r.signals.find((s) => s.key === 'stoppedCadence')).toMatchObject({
      observed: 6,
      strength: 1,
    })
  })

  it.each([
    ['a user tag', buildProfile({ tags: ['cancellation'] }), []],
    ['an organization tag', buildProfile({ orgTags: ['churn_risk'] }), []],
    ['a user field', buildProfile({ fields: { churn_risk: 'yes' } }), []],
    [
      'a recent ticket tag',
      buildProfile(),
      [buildItem({ created: daysAgo(3), tags: ['cancel_request'] })],
    ],
  ])('treats %s as an explicit churn signal', (_, profile, history) => {
    const r = churnRisk(profile, history, CTX, NOW)
    expect(strength(r, 'explicit')).toBe(1)
    expect(r.level).toBe('high')
  })

  it('ignores tickets created after now', () => {
    const history = [buildItem({ created: daysAgo(-1), csat: 'bad' })]
    expect(churnRisk(buildProfile(), history, CTX, NOW).score).toBe(0.05)
  })

  it('applies custom weights and levels', () => {
    const history = [buildItem({ created: daysAgo(5), csat: 'bad' })]
    const r = churnRisk(buildProfile(), history, CTX, NOW, {
      weights: { badRatings: 1 },
      baseRisk: 0,
      levels: { medium: 0.1, high: 0.5 },
    })
    expect(r.score).toBe(0.5)
    expect(r.level).toBe('high')
  })

  describe('edge cases', () => {
    it('flags every history signal as missing for a customer without history', () => {
      const r = churnRisk(null, [], { accountMedianWaitMinutes: null }, NOW)
      expect(r.score).toBe(0.05)
      expect(r.signals.filter((s) => s.missing).map((s) => s.key)).toEqual([
        'badRatings',
        'repeatContacts',
        'reopens',
        'longWaits',
        'stoppedCadence',
      ])
      expect(r.signals.every((s) => (s.missing ? s.strength === 0 : true))).toBe(true)
    })

    it('treats a zero account median as unknown', () => {
      const history = [
        buildItem({ created: daysAgo(3), solved: daysAgo(2), minutes: { requesterWait: 5 } }),
      ]
      const r = churnRisk(null, history, { accountMedianWaitMinutes: 0 }, NOW)
      expect(r.signals.find((s) => s.key === 'longWaits')?.missing).toBe(true)
    })

    it('treats NaN weights as 0', () => {
      const history = [buildItem({ created: daysAgo(5), csat: 'bad' })]
      const r = churnRisk(null, history, CTX, NOW, { weights: { badRatings: Number.NaN } })
      expect(r.score).toBe(0.05)
    })
  })
})

describe('churnLevel', () => {
  it.each([
    [0, 'low'],
    [0.299, 'low'],
    [0.3, 'medium'],
    [0.6, 'high'],
    [1, 'high'],
  ] as const)('puts %p in %s', (score, level) => {
    expect(churnLevel(score)).toBe(level)
  })
})
