import type { RequesterTicketScore, ScoreFactorView, TicketRecord } from '@/core'
import {
  historySummary,
  minutesAgo,
  requesterKind,
  slaCountdown,
  topReasons,
} from '@/ui/sidebar/model'
import type { RequesterHistory } from '@/zendesk/history'
import type { TicketState } from '@/zendesk/hooks/useTicketState'

const DAY = 86_400_000
const pair = { calendar: null, business: null }

function record(id: number, createdAt: number, extra: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id,
    status: 'solved',
    channel: 'email',
    createdAt,
    updatedAt: createdAt,
    solvedAt: null,
    requesterId: 1,
    organizationId: null,
    assigneeId: null,
    groupId: null,
    replies: null,
    reopens: null,
    assigneeStations: null,
    minutes: {
      firstReply: pair,
      firstResolution: pair,
      fullResolution: pair,
      requesterWait: pair,
      agentWait: pair,
      onHold: pair,
    },
    csat: 'none',
    ...extra,
  }
}

function history(tickets: TicketRecord[], extra: Partial<RequesterHistory> = {}): RequesterHistory {
  return {
    requesterId: 1,
    requester: {
      id: 1,
      name: 'Ana',
      email: 'ana@example.com',
      role: 'end-user',
      tags: [],
      fields: {},
      organizationId: null,
      createdAt: null,
      active: true,
      suspended: false,
    },
    organization: null,
    tickets,
    stored: tickets.map((t) => ({ ticket: t, tags: [], priority: null, subject: `S${t.id}` })),
    totalTickets: tickets.length,
    complete: true,
    skipped: 0,
    reasons: {},
    fetchedAt: 0,
    requests: 1,
    ...extra,
  }
}

describe('historySummary', () => {
  it('counts open tickets, lists the five newest others and compares recent CSAT with earlier', () => {
    const csat = [
      'good',
      'good',
      'good',
      'good',
      'good',
      'bad',
      'bad',
      'bad',
      'good',
      'bad',
    ] as const
    const tickets = [
      record(100, 20 * DAY, { status: 'open' }),
      ...csat.map((c, i) => record(90 - i, (19 - i) * DAY, { csat: c })),
      record(5, DAY, { status: 'deleted' }),
    ]
    const s = historySummary(history(tickets), 100)
    expect(s.openTickets).toBe(1)
    expect(s.customerSince).toBe(DAY)
    expect(s.lastTickets.map((t) => t.id)).toEqual([90, 89, 88, 87, 86])
    expect(s.lastTickets[0]).toMatchObject({ subject: 'S90', csat: 'good', status: 'solved' })
    expect(s.csat).toEqual({ recent: 1, previous: 0.2, rated: 10, direction: 'up' })
  })

  it('has no trend without ratings and uses the larger of the listed and counted totals', () => {
    const s = historySummary(history([record(1, DAY)], { totalTickets: 240, complete: false }), 1)
    expect(s).toMatchObject({ totalTickets: 240, complete: false, lastTickets: [] })
    expect(s.csat.direction).toBe('none')
  })
})

describe('requesterKind', () => {
  const ticket = { requester: { id: 1, name: 'Ana', email: 'ana@example.com' } } as TicketState
  it.each([
    ['none', { ...ticket, requester: null }, history([]), false],
    ['deleted', ticket, null, true],
    [
      'deleted',
      ticket,
      history([], { requester: { ...history([]).requester!, active: false } }),
      false,
    ],
    [
      'suspended',
      ticket,
      history([], { requester: { ...history([]).requester!, suspended: true } }),
      false,
    ],
    [
      'anonymous',
      { requester: { id: 1, name: 'Anonymous user', email: null } } as TicketState,
      history([], { requester: null }),
      false,
    ],
    [
      'anonymous',
      { requester: { id: 1, name: 'Caller +1 (555) 010-0142', email: null } } as TicketState,
      history([], { requester: null }),
      false,
    ],
    [
      'anonymous',
      { requester: { id: 1, name: 'Visitor 4821', email: null } } as TicketState,
      null,
      false,
    ],
    ['known', ticket, history([]), false],
    [
      'known',
      { requester: { id: 1, name: 'Caller Jones', email: null } } as TicketState,
      null,
      false,
    ],
  ] as const)('%s', (kind, t, h, missing) => {
    expect(requesterKind(t, h, missing)).toBe(kind)
  })
})

function factor(
  key: ScoreFactorView['key'],
  contribution: number,
  extra: Partial<ScoreFactorView> = {},
): ScoreFactorView {
  return {
    key,
    contribution,
    weight: 10,
    missing: false,
    reasonKey: `reason.${key}`,
    params: {},
    ...extra,
  }
}

describe('score view models', () => {
  it('picks the two largest contributions that had data, in factor order on ties', () => {
    const score = {
      factors: [
        factor('value', 12),
        factor('churnRisk', 20, { missing: true }),
        factor('waiting', 12),
        factor('slaBreach', 15),
      ],
    } as RequesterTicketScore
    expect(topReasons(score).map((f) => f.key)).toEqual(['slaBreach', 'value'])
  })

  it('reads the SLA countdown from the SLA factor', () => {
    const of = (f: ScoreFactorView) => slaCountdown({ factors: [f] } as RequesterTicketScore)
    expect(
      of(factor('slaBreach', 5, { reasonKey: 'reason.slaBreachIn', params: { minutes: 25 } })),
    ).toEqual({
      state: 'running',
      minutesLeft: 25,
    })
    expect(
      of(factor('slaBreach', 9, { reasonKey: 'reason.slaBreached', params: { minutes: 5 } })),
    ).toEqual({
      state: 'breached',
      minutesAgo: 5,
    })
    expect(
      of(factor('slaBreach', 5, { reasonKey: 'reason.noSlaTarget', missing: true })),
    ).toBeNull()
  })

  it('says how many whole minutes old the data is', () => {
    expect(minutesAgo(0, 125_000)).toBe(2)
    expect(minutesAgo(null, 125_000)).toBe(0)
    expect(minutesAgo(200_000, 125_000)).toBe(0)
  })
})
