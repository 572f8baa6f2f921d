import { normalizeMetricEvent, slaMetricOf } from '@/zendesk/normalize/events'
import type { ReasonCounts } from '@/zendesk/normalize/reasons'

const event = {
  id: 11,
  ticket_id: 5,
  metric: 'reply_time',
  instance_id: 1,
  type: 'breach',
  time: '2024-03-04T10:00:00Z',
  deleted: false,
}

describe('normalizeMetricEvent', () => {
  it('maps a reply_time breach to first_reply_time', () => {
    expect(normalizeMetricEvent(event, {})).toEqual({
      id: 11,
      ticketId: 5,
      metric: 'first_reply_time',
      instanceId: 1,
      type: 'breach',
      time: Date.parse('2024-03-04T10:00:00Z'),
      deleted: false,
    })
  })

  it('keeps the deleted flag of a breach', () => {
    expect(normalizeMetricEvent({ ...event, deleted: true }, {})?.deleted).toBe(true)
  })

  it.each([
    [{ ...event, metric: 'coffee_time' }],
    [{ ...event, time: 'later' }],
    [{ ...event, type: 'explode' }],
    [{ ...event, ticket_id: '5' }],
    ['event'],
  ])('drops an unusable event %#', (bad) => {
    const reasons: ReasonCounts = {}
    expect(normalizeMetricEvent(bad, reasons)).toBeNull()
    expect(reasons).toEqual({ invalidSlaEvent: 1 })
  })
})

describe('slaMetricOf', () => {
  it.each([
    ['reply_time', 1, 'first_reply_time'],
    ['reply_time', 2, 'next_reply_time'],
    ['requester_wait_time', 1, 'requester_wait_time'],
    ['bogus', 1, null],
  ])('maps %s instance %i to %s', (metric, instance, expected) => {
    expect(slaMetricOf(metric, instance)).toBe(expected)
  })
})
