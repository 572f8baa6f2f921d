import {
  cadenceRatio,
  hasChurnMark,
  repeatContacts,
  waitRatio,
} from '@/core/customer/_lib/historySignals'
import { buildItem, buildProfile, DAY, daysAgo, NOW } from '../customerFixtures'

const at = (...days: number[]) => days.map((d) => buildItem({ created: daysAgo(d) }))

describe('hasChurnMark', () => {
  const tags = new Set(['cancellation'])
  it('finds churn tags on the user, the organization or a recent ticket, and churn fields', () => {
    expect(hasChurnMark(buildProfile({ tags: ['Cancellation'] }), [], tags, [])).toBe(true)
    expect(hasChurnMark(buildProfile({ orgTags: ['cancellation'] }), [], tags, [])).toBe(true)
    expect(hasChurnMark(null, [buildItem({ tags: ['cancellation'] })], tags, [])).toBe(true)
    expect(
      hasChurnMark(buildProfile({ orgFields: { at_risk: 'yes' } }), [], tags, ['at_risk']),
    ).toBe(true)
    expect(hasChurnMark(buildProfile({ fields: { at_risk: 'no' } }), [], tags, ['at_risk'])).toBe(
      false,
    )
    expect(hasChurnMark(null, [], tags, ['at_risk'])).toBe(false)
  })
})

describe('repeatContacts', () => {
  it('counts contacts within the window of the previous one, from a start instant', () => {
    expect(repeatContacts(at(30, 10, 8, 6), NOW - 90 * DAY, 7 * DAY)).toBe(2)
    expect(repeatContacts(at(30, 10, 8, 6), NOW - 7 * DAY, 7 * DAY)).toBe(1)
    expect(repeatContacts([], NOW, DAY)).toBe(0)
  })
})

describe('waitRatio', () => {
  it('divides the median wait by the account median', () => {
    const recent = [
      buildItem({ minutes: { requesterWait: 1800 } }),
      buildItem({ minutes: { requesterWait: 600 } }),
    ]
    expect(waitRatio(recent, 600)).toBe(2)
    expect(waitRatio(recent, 0)).toBeNull()
    expect(waitRatio(recent, null)).toBeNull()
    expect(waitRatio([buildItem()], 600)).toBeNull()
  })
})

describe('cadenceRatio', () => {
  it('compares the silence with the usual gap, from 3 contacts', () => {
    expect(cadenceRatio(at(90, 80, 70, 60), NOW)).toBeCloseTo(6)
    expect(cadenceRatio(at(20, 10), NOW)).toBeNull()
    // same-day contacts: the usual gap is at least a day
    expect(cadenceRatio(at(3, 3, 3), NOW)).toBeCloseTo(3)
  })
})
