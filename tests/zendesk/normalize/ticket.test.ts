import { ABSURD_MINUTES, normalizeCsat, normalizeTicket } from '@/zendesk/normalize/ticket'
import type { ReasonCounts } from '@/zendesk/normalize/reasons'
import { zendeskMetricSet, zendeskTicket } from '../../support/fixtures/ticketBuilder'

describe('normalizeTicket', () => {
  it('maps a solved ticket with its metric set', () => {
    const reasons: ReasonCounts = {}
    const ticket = zendeskTicket({
      id: 42,
      status: 'solved',
      via: { channel: 'web' },
      satisfaction_rating: { id: 1, score: 'good' },
      updated_at: '2024-03-05T10:00:00Z',
      generated_timestamp: Date.parse('2024-03-05T10:00:00Z') / 1000,
    })
    const ms = zendeskMetricSet(42, {
      solved_at: '2024-03-05T10:00:00Z',
      replies: 2,
      reopens: 1,
      assignee_stations: 3,
      full_resolution_time_in_minutes: { calendar: 1500, business: 480 },
    })
    expect(normalizeTicket(ticket, ms, reasons)).toEqual({
      id: 42,
      status: 'solved',
      channel: 'web',
      createdAt: Date.parse('2024-03-04T09:00:00Z'),
      updatedAt: Date.parse('2024-03-05T10:00:00Z'),
      solvedAt: Date.parse('2024-03-05T10:00:00Z'),
      requesterId: 5001,
      organizationId: 9001,
      assigneeId: 7001,
      groupId: 8001,
      replies: 2,
      reopens: 1,
      assigneeStations: 3,
      minutes: {
        firstReply: { calendar: 30, business: 30 },
        firstResolution: { calendar: null, business: null },
        fullResolution: { calendar: 1500, business: 480 },
        requesterWait: { calendar: null, business: null },
        agentWait: { calendar: null, business: null },
        onHold: { calendar: null, business: null },
      },
      csat: 'good',
    })
    expect(reasons).toEqual({})
  })

  it('keeps a ticket without metric set, with null metrics (missingMetricSet)', () => {
    const reasons: ReasonCounts = {}
    const r = normalizeTicket(zendeskTicket({ status: 'solved' }), undefined, reasons)
    expect(r?.solvedAt).toBeNull()
    expect(r?.replies).toBeNull()
    expect(r?.minutes.firstReply).toEqual({ calendar: null, business: null })
    expect(reasons).toEqual({ missingMetricSet: 1 })
  })

  it.each([
    [{ calendar: -5, business: 3 }, { calendar: null, business: 3 }, 'negativeDuration'],
    [
      { calendar: ABSURD_MINUTES + 1, business: 3 },
      { calendar: null, business: 3 },
      'absurdDuration',
    ],
    [{ calendar: 'soon', business: 3 }, { calendar: null, business: 3 }, 'invalidDuration'],
  ])('nulls a bad duration %j and counts it', (value, expected, reason) => {
    const reasons: ReasonCounts = {}
    const t = zendeskTicket({ id: 7 })
    const r = normalizeTicket(t, zendeskMetricSet(7, { reply_time_in_minutes: value }), reasons)
    expect(r?.minutes.firstReply).toEqual(expected)
    expect(reasons).toEqual({ [reason]: 1 })
  })

  it('buckets an unknown channel as other and maps via ids', () => {
    const reasons: ReasonCounts = {}
    const unknown = normalizeTicket(
      zendeskTicket({ id: 1, via: { channel: 'pigeon' } }),
      zendeskMetricSet(1),
      reasons,
    )
    const byId = normalizeTicket(
      zendeskTicket({ id: 2, via: { channel: 4 } }),
      zendeskMetricSet(2),
      reasons,
    )
    expect(unknown?.channel).toBe('other')
    expect(byId?.channel).toBe('email')
    expect(reasons).toEqual({ unknownChannel: 1 })
  })

  it.each([
    [{ id: 'x' }, 'invalidId'],
    [{ id: -3 }, 'invalidId'],
    [{ created_at: 'yesterday' }, 'invalidCreatedAt'],
    [{ status: 'archived' }, 'unknownStatus'],
  ])('skips %j', (override, reason) => {
    const reasons: ReasonCounts = {}
    expect(normalizeTicket({ ...zendeskTicket(), ...override }, undefined, reasons)).toBeNull()
    expect(reasons).toEqual({ [reason]: 1 })
  })

  it('skips something that is not an object', () => {
    const reasons: ReasonCounts = {}
    expect(normalizeTicket('ticket', undefined, reasons)).toBeNull()
    expect(reasons).toEqual({ notAnObject: 1 })
  })

  it('takes generated_timestamp as the version when it is later than updated_at', () => {
    const r = normalizeTicket(
      zendeskTicket({ id: 3, updated_at: '2024-03-04T10:00:00Z', generated_timestamp: 1709550000 }),
      zendeskMetricSet(3),
      {},
    )
    expect(r?.updatedAt).toBe(1709550000 * 1000)
  })

  it('counts a solved ticket whose metric set has no solved_at', () => {
    const reasons: ReasonCounts = {}
    const r = normalizeTicket(
      zendeskTicket({ id: 4, status: 'closed' }),
      zendeskMetricSet(4),
      reasons,
    )
    expect(r?.solvedAt).toBeNull()
    expect(reasons).toEqual({ solvedWithoutSolvedAt: 1 })
  })

  it('uses reply_time_in_seconds for messaging tickets', () => {
    const r = normalizeTicket(
      zendeskTicket({ id: 5, via: { channel: 'native_messaging' } }),
      zendeskMetricSet(5, {
        reply_time_in_minutes: { calendar: null, business: null },
        reply_time_in_seconds: { calendar: 90 },
      }),
      {},
    )
    expect(r?.minutes.firstReply).toEqual({ calendar: 1.5, business: null })
    expect(r?.channel).toBe('messaging')
  })

  it('nulls invalid counts', () => {
    const reasons: ReasonCounts = {}
    const r = normalizeTicket(
      zendeskTicket({ id: 6 }),
      zendeskMetricSet(6, { replies: -1 }),
      reasons,
    )
    expect(r?.replies).toBeNull()
    expect(reasons).toEqual({ invalidCount: 1 })
  })
})

describe('normalizeCsat', () => {
  it.each([
    [null, 'none'],
    [{ score: 'good', comment: 'thanks' }, 'good'],
    [{ score: 'bad' }, 'bad'],
    [{ score: 'offered' }, 'offered'],
    [{ score: 'unoffered' }, 'unoffered'],
    [{ score: 5 }, 'good'],
    [{ score: 4 }, 'good'],
    [{ score: 3 }, 'bad'],
  ])('maps %j to %s', (rating, expected) => {
    expect(normalizeCsat(rating, {})).toBe(expected)
  })

  it('counts an unknown score', () => {
    const reasons: ReasonCounts = {}
    expect(normalizeCsat({ score: 'meh' }, reasons)).toBe('none')
    expect(reasons).toEqual({ unknownCsatScore: 1 })
  })
})
