import {
  normalizeChannel,
  normalizeMetricEventPage,
  normalizeTicketPage,
} from '@/zendesk/normalize'
import {
  exportPage,
  metricEventsPage,
  zendeskMetricSet,
  zendeskTicket,
} from '../../support/fixtures/ticketBuilder'

describe('normalizeTicketPage', () => {
  it('joins tickets with their metric sets by ticket_id and reports versions', () => {
    const a = zendeskTicket({ id: 1, updated_at: '2024-03-04T10:00:00Z', generated_timestamp: 0 })
    const b = zendeskTicket({ id: 2, updated_at: '2024-03-04T12:00:00Z', generated_timestamp: 0 })
    const page = exportPage([a, b, zendeskTicket({ id: 'bad' as never })], [zendeskMetricSet(2)])
    const out = normalizeTicketPage(page)
    expect(out.records.map((r) => [r.id, r.replies])).toEqual([
      [1, null],
      [2, 1],
    ])
    expect(out.skipped).toBe(1)
    expect(out.reasons).toEqual({ missingMetricSet: 1, invalidId: 1 })
    expect(out.minVersion).toBe(Date.parse('2024-03-04T10:00:00Z'))
    expect(out.maxVersion).toBe(Date.parse('2024-03-04T12:00:00Z'))
  })

  it('gives nothing for a page without a tickets array', () => {
    expect(normalizeTicketPage({ tickets: 'none' }).records).toEqual([])
  })
})

describe('normalizeMetricEventPage', () => {
  it('normalises every event of the page', () => {
    const page = metricEventsPage([
      {
        id: 1,
        ticket_id: 3,
        metric: 'reply_time',
        instance_id: 2,
        type: 'fulfill',
        time: '2024-03-04T10:00:00Z',
      },
      {
        id: 2,
        ticket_id: 3,
        metric: 'nope',
        instance_id: 1,
        type: 'fulfill',
        time: '2024-03-04T10:00:00Z',
      },
    ])
    const out = normalizeMetricEventPage(page)
    expect(out.events).toHaveLength(1)
    expect(out.events[0]?.metric).toBe('next_reply_time')
    expect(out.reasons).toEqual({ invalidSlaEvent: 1 })
  })
})

describe('normalizeChannel', () => {
  it.each([
    ['email', 'email', true],
    ['native_messaging', 'messaging', true],
    ['twitter', 'twitter', true],
    [0, 'web', true],
    [8, 'rule', true],
    [999, 'other', false],
    [null, 'other', false],
  ])('maps %j to %s', (value, channel, known) => {
    expect(normalizeChannel(value)).toEqual({ channel, known })
  })
})
