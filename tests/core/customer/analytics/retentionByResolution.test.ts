import {
  fitKnee,
  payoffPoint,
  retentionByResolution,
} from '@/core/customer/analytics/retentionByResolution'
import type { ResolutionBucket } from '@/core/customer'
import { mulberry32 } from '../../../support/prng'
import { NOW, span } from './spanFixtures'

/** Customers whose retention falls linearly from 0.9 to 0.4 at 48 h and is flat after. */
function planted(n: number): ReturnType<typeof span>[] {
  const r = mulberry32(1)
  const out = []
  for (let i = 0; i < n; i++) {
    const hours = r() * 150
    const p = 0.9 - 0.5 * Math.min(1, hours / 48)
    out.push(span({ medianResolutionMinutes: hours * 60, churnedDaysAgo: r() < p ? undefined : 1 }))
  }
  return out
}

describe('retentionByResolution', () => {
  it('bands customers by median resolution with retention per band', () => {
    const spans = [
      span({ medianResolutionMinutes: 60 }),
      span({ medianResolutionMinutes: 3 * 60, churnedDaysAgo: 1 }),
      span({ medianResolutionMinutes: 50 * 60 }),
      span({ medianResolutionMinutes: 500 * 60 }),
      span({ medianResolutionMinutes: null }),
    ]
    const r = retentionByResolution(spans, NOW, { bucketHours: [4, 48] })
    expect(r.buckets.map((b) => [b.fromHours, b.toHours, b.customers, b.rate])).toEqual([
      [0, 4, 2, 0.5],
      [4, 48, 0, null],
      [48, null, 2, 1],
    ])
    expect(r.knee).toBeNull()
    expect(r.fasterStopsPayingOffAt).toBeNull()
  })

  it('compares like with like: only the given first channels and enough solved tickets', () => {
    const spans = [
      span({ channel: 'chat', medianResolutionMinutes: 60 }),
      span({ channel: 'email', medianResolutionMinutes: 60, solvedTickets: 3 }),
      span({ channel: 'email', medianResolutionMinutes: 60, solvedTickets: 1 }),
    ]
    const count = (o: Parameters<typeof retentionByResolution>[2]) =>
      retentionByResolution(spans, NOW, o).buckets.reduce((a, b) => a + b.customers, 0)
    expect(count({})).toBe(3)
    expect(count({ firstChannels: ['email'] })).toBe(2)
    expect(count({ firstChannels: ['email'], minSolvedTickets: 2 })).toBe(1)
  })

  it('finds the knee of a relationship that flattens past 48 h', () => {
    const r = retentionByResolution(planted(3000), NOW)
    expect(r.knee?.hours).toBeGreaterThanOrEqual(40)
    expect(r.knee?.hours).toBeLessThanOrEqual(60)
    expect(r.knee?.flatSide).toBe('above')
    expect(r.knee?.slopeBelow).toBeCloseTo(-100 * (0.5 / 48), 0)
  })
})

describe('fitKnee', () => {
  it('recovers an exact hinge', () => {
    const xs = Array.from({ length: 200 }, (_, i) => i)
    const ys = xs.map((x) => (x < 60 ? 1 - x / 100 : 0.4))
    expect(fitKnee(xs, ys, 240, 10)).toMatchObject({
      hours: 60,
      slopeBelow: -1,
      slopeAbove: 0,
      flatSide: 'above',
    })
  })

  it('says neither side is flat for a straight line', () => {
    const xs = Array.from({ length: 200 }, (_, i) => i)
    expect(
      fitKnee(
        xs,
        xs.map((x) => 1 - x / 400),
        240,
        10,
      )?.flatSide,
    ).toBeNull()
  })

  it('returns null without enough points each side', () => {
    expect(fitKnee([1, 2, 3], [1, 0, 1], 240, 30)).toBeNull()
  })
})

describe('payoffPoint', () => {
  const band = (
    fromHours: number,
    rate: number,
    ci: [number, number],
    customers = 100,
  ): ResolutionBucket => ({
    fromHours,
    toHours: null,
    customers,
    retained: Math.round(rate * customers),
    rate,
    ci,
  })

  it('is the first slower band significantly below the best', () => {
    const bands = [
      band(0, 0.8, [0.75, 0.85]),
      band(4, 0.79, [0.74, 0.84]),
      band(8, 0.8, [0.76, 0.84]),
      band(16, 0.74, [0.71, 0.77]),
    ]
    expect(payoffPoint(bands, 30)).toBe(16)
  })

  it('ignores small bands and returns null when nothing is significantly worse', () => {
    const bands = [
      band(0, 0.9, [0.5, 1], 10),
      band(4, 0.8, [0.75, 0.85]),
      band(8, 0.78, [0.72, 0.84]),
    ]
    expect(payoffPoint(bands, 30)).toBeNull()
  })
})
