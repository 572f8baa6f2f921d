import { engagementEstimate } from '@/core/customer/engagementEstimate'
import { buildItem, DAY, daysAgo, NOW } from './customerFixtures'

describe('engagementEstimate', () => {
  it('scores recency, frequency and tenure each from 0 to 1', () => {
    // 6 contacts over a year, the last 10 days ago
    const history = [360, 300, 200, 100, 50, 10].map((d) => buildItem({ created: daysAgo(d) }))
    const e = engagementEstimate(history, NOW - 365 * DAY, NOW)
    expect(e.recencyDays).toBeCloseTo(10)
    expect(e.tenureDays).toBeCloseTo(365)
    expect(e.contactsPer30Days).toBeCloseTo((6 * 30) / 365)
    expect(e.parts.recency).toBeCloseTo(Math.pow(0.5, 10 / 90))
    expect(e.parts.tenure).toBe(1)
    const expected = 35 * Math.pow(0.5, 10 / 90) + (40 * (180 / 365)) / (180 / 365 + 1) + 25
    expect(e.points).toBeCloseTo(Math.round(expected * 10) / 10)
  })

  it('gives more points to a more recent customer', () => {
    const a = engagementEstimate([buildItem({ created: daysAgo(100) })], null, NOW)
    const b = engagementEstimate([buildItem({ created: daysAgo(2) })], null, NOW)
    expect(b.points).toBeGreaterThan(a.points)
  })

  it('ignores contacts after now', () => {
    const e = engagementEstimate([buildItem({ created: daysAgo(-3) })], null, NOW)
    expect(e).toMatchObject({ points: 0, recencyDays: null, tenureDays: null })
  })

  it('does not call a brand-new one-contact customer very frequent', () => {
    const e = engagementEstimate([buildItem({ created: daysAgo(1) })], null, NOW)
    expect(e.contactsPer30Days).toBe(1)
  })
})
