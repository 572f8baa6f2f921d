import { customerSpans, isActiveAt } from '@/core/customer/analytics/customerSpans'
import { buildItem, buildProfile, daysAgo, DAY, NOW } from '../customerFixtures'

describe('customerSpans', () => {
  it('builds one span per customer from profile dates, contacts and activity fields', () => {
    const profile = buildProfile({ id: 1, fields: { last_order_at: daysAgo(3) } })
    const tickets = [
      buildItem({
        requesterId: 1,
        created: daysAgo(100),
        channel: 'chat',
        assigneeId: 9,
        solved: daysAgo(99),
        minutes: { fullResolution: 120 },
      }),
      buildItem({
        requesterId: 1,
        created: daysAgo(50),
        assigneeId: 7,
        solved: daysAgo(49),
        minutes: { fullResolution: 600 },
      }),
      buildItem({ requesterId: 1, created: daysAgo(-5) }),
    ]
    const [s] = customerSpans([profile], tickets, NOW)
    expect(s).toEqual({
      customerId: 1,
      firstSeen: Date.parse('2023-01-01T00:00:00Z'),
      lastActive: NOW - 3 * DAY,
      churnedAt: null,
      firstChannel: 'chat',
      firstContactAt: NOW - 100 * DAY,
      medianResolutionMinutes: 360,
      solvedTickets: 2,
      agentIds: [7, 9],
      tickets: 2,
    })
  })

  it('marks a customer silent for more than the inactivity window as churned', () => {
    const tickets = [buildItem({ requesterId: 2, created: daysAgo(90) })]
    const [s] = customerSpans([], tickets, NOW)
    expect(s?.churnedAt).toBe(NOW - 30 * DAY)
    expect(customerSpans([], tickets, NOW, { inactivityDays: 120 })[0]?.churnedAt).toBeNull()
    if (s === undefined) throw new Error('no span')
    expect(isActiveAt(s, NOW - 60 * DAY)).toBe(true)
    expect(isActiveAt(s, NOW - 10 * DAY)).toBe(false)
    expect(isActiveAt(s, NOW - 200 * DAY)).toBe(false)
  })

  describe('edge cases', () => {
    it('ignores activity dates after now, invalid dates and tickets without requester', () => {
      const p = buildProfile({
        id: 3,
        createdAt: null,
        fields: { last_order_at: daysAgo(-10), last_seen_at: 'never' },
      })
      const spans = customerSpans([p], [buildItem({ requesterId: null, created: daysAgo(1) })], NOW)
      expect(spans).toEqual([])
    })

    it('gives a profile-only customer no channel and no resolution', () => {
      const [s] = customerSpans([buildProfile({ id: 4 })], [], NOW)
      expect(s).toMatchObject({
        firstChannel: null,
        firstContactAt: null,
        medianResolutionMinutes: null,
        tickets: 0,
      })
    })
  })
})
