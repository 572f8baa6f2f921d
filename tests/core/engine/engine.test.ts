import { KpiEngine } from '@/core/engine/engine'
import { buildTicket } from '../../support/fixtures/ticketBuilder'
import { WEEK, weekSlaEvents, weekTickets } from './weekFixture'

function weekEngine(): KpiEngine {
  const engine = new KpiEngine({ initialCapacity: 4 })
  engine.upsertMany(weekTickets())
  engine.addSlaEvents(weekSlaEvents())
  return engine
}

describe('KpiEngine.report on the hand-computed week (UTC)', () => {
  const report = weekEngine().report(WEEK)

  it('states the period', () => {
    expect(report.period).toEqual({ from: '2024-03-04', to: '2024-03-11', timezone: 'UTC' })
  })

  it('counts volume on the created date, leaving the deleted ticket out', () => {
    expect(report.tickets.created).toBe(5)
    expect(report.tickets.byChannel).toEqual({ email: 3, web: 1, chat: 1 })
    expect(report.tickets.byDay).toEqual({
      '2024-03-04': 2,
      '2024-03-05': 1,
      '2024-03-06': 1,
      '2024-03-07': 0,
      '2024-03-08': 0,
      '2024-03-09': 0,
      '2024-03-10': 1,
    })
  })

  it('fills the Monday-first weekday × hour heatmap', () => {
    const heat = report.tickets.byWeekdayHour
    expect(heat).toHaveLength(7)
    expect(heat.every((row) => row.length === 24)).toBe(true)
    expect(heat[0]?.[9]).toBe(2)
    expect(heat[1]?.[23]).toBe(1)
    expect(heat[2]?.[14]).toBe(1)
    expect(heat[6]?.[23]).toBe(1)
    expect(heat.flat().reduce((a, b) => a + b, 0)).toBe(5)
  })

  it('counts solved on the solved date and unsolved at the end of the period', () => {
    expect(report.tickets.solved).toBe(4)
    expect(report.tickets.unsolvedAtEnd).toBe(3)
  })

  it('measures first reply on created tickets, nulls as pending', () => {
    expect(report.firstReplyMinutes).toEqual({
      count: 4,
      mean: 46.5,
      median: 45.5,
      p90: expect.closeTo(81.3, 9) as number,
      pending: 1,
      business: { count: 4, mean: 36.5, median: 40, p90: expect.closeTo(60.7, 9) as number },
    })
  })

  it.each([
    ['firstResolutionMinutes', 2290, 1050, 5350],
    ['fullResolutionMinutes', 2890, 2250, 5800],
    ['requesterWaitMinutes', 2115, 1700, 4100],
    ['agentWaitMinutes', 750, 500, 1670],
    ['onHoldMinutes', 75, 50, 170],
  ] as const)('measures %s on solved tickets', (key, mean, median, p90) => {
    const kpi = report[key]
    expect(kpi.count).toBe(4)
    expect(kpi.mean).toBeCloseTo(mean, 9)
    expect(kpi.median).toBeCloseTo(median, 9)
    expect(kpi.p90).toBeCloseTo(p90, 9)
    expect(kpi.pending).toBe(0)
    expect(kpi.business.count).toBe(4)
  })

  it('rates one-touch, reopened and reassigned over solved tickets', () => {
    expect(report.oneTouch).toEqual({ count: 3, rate: 0.75 })
    expect(report.reopened).toEqual({ count: 1, rate: 0.25 })
    expect(report.reassigned).toEqual({ count: 1, rate: 0.25 })
  })

  it('scores CSAT good / (good + bad) with offered surveys in the response rate', () => {
    expect(report.csat).toEqual({ good: 2, bad: 1, offered: 4, score: 2 / 3, responseRate: 0.75 })
  })

  it('reports SLA achievement per metric and overall, ignoring deleted breaches and tickets', () => {
    expect(report.sla).toEqual({
      overall: { achieved: 2, breached: 1, rate: 2 / 3 },
      byMetric: {
        first_reply_time: { achieved: 1, breached: 1, rate: 0.5 },
        next_reply_time: { achieved: 1, breached: 0, rate: 1 },
      },
    })
  })

  it('reports per agent', () => {
    expect(report.agents).toEqual([
      {
        id: 7,
        solved: 2,
        firstReplyMinutesMedian: 60,
        fullResolutionMinutesMedian: 2250,
        oneTouchRate: 0.5,
        csatScore: 0.5,
      },
      {
        id: 9,
        solved: 2,
        firstReplyMinutesMedian: 1002.5,
        fullResolutionMinutesMedian: 3530,
        oneTouchRate: 1,
        csatScore: 1,
      },
    ])
  })

  it('reports per group with an unassigned bucket', () => {
    expect(report.groups).toEqual([
      {
        id: 8,
        solved: 3,
        firstReplyMinutesMedian: 30,
        fullResolutionMinutesMedian: 1500,
        oneTouchRate: 2 / 3,
        csatScore: 0.5,
      },
      {
        id: null,
        solved: 1,
        firstReplyMinutesMedian: 2000,
        fullResolutionMinutesMedian: 7000,
        oneTouchRate: 1,
        csatScore: 1,
      },
    ])
  })

  it('buckets first replies per channel', () => {
    expect(report.firstReplyBuckets).toEqual({
      email: { '<1h': 1, '1-2h': 1, '2-6h': 0, '6-12h': 0, '12-24h': 0, '>24h': 0 },
      web: { '<1h': 0, '1-2h': 1, '2-6h': 0, '6-12h': 0, '12-24h': 0, '>24h': 0 },
      chat: { '<1h': 1, '1-2h': 0, '2-6h': 0, '6-12h': 0, '12-24h': 0, '>24h': 0 },
    })
  })

  it('reports the previous period of equal length', () => {
    const prev = report.previous
    expect(prev.period).toEqual({ from: '2024-02-26', to: '2024-03-04', timezone: 'UTC' })
    expect(prev.tickets.created).toBe(2)
    expect(prev.tickets.solved).toBe(0)
    expect(prev.tickets.unsolvedAtEnd).toBe(2)
    expect(prev.firstReplyMinutes).toMatchObject({ count: 1, median: 2000, pending: 1 })
    expect(prev.oneTouch).toEqual({ count: 0, rate: null })
    expect(prev.fullResolutionMinutes).toEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      pending: 0,
      business: { count: 0, mean: null, median: null, p90: null },
      buckets: { '<1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '1-2d': 0, '2-7d': 0, '>7d': 0 },
    })
    expect(prev.csat.score).toBeNull()
    expect(prev.sla.overall).toEqual({ achieved: 0, breached: 1, rate: 0 })
    expect(prev.agents).toEqual([])
  })

  it('counts records read', () => {
    expect(report.dataQuality).toEqual({ records: 8, skipped: 0, reasons: {} })
  })
})

describe('KpiEngine.report in a time zone', () => {
  const report = weekEngine().report({ ...WEEK, timeZone: 'America/New_York' })

  it('uses local midnights, across the DST change of 2024-03-10', () => {
    // NY period = 2024-03-04T05:00Z … 2024-03-11T04:00Z: T1, T2, T3, T4, T7 are in it
    expect(report.tickets.created).toBe(5)
    expect(report.tickets.byDay['2024-03-04']).toBe(2)
    expect(report.tickets.byDay['2024-03-05']).toBe(1)
    expect(report.tickets.byDay['2024-03-10']).toBe(1)
    // T1 09:15Z = 04:15 EST Monday; T3 23:30Z = 18:30 EST Tuesday; T7 23:59Z = 19:59 EDT Sunday
    expect(report.tickets.byWeekdayHour[0]?.[4]).toBe(2)
    expect(report.tickets.byWeekdayHour[1]?.[18]).toBe(1)
    expect(report.tickets.byWeekdayHour[6]?.[19]).toBe(1)
    expect(report.period.timezone).toBe('America/New_York')
  })

  it('anchors solved tickets on the local solved date', () => {
    // T5 solved 2024-03-04T08:00Z = 03:00 EST, inside the NY period; T7 solved
    // 2024-03-11T01:00Z = 21:00 EDT on the 10th, inside too (it is outside in UTC)
    expect(report.tickets.solved).toBe(5)
    expect(report.tickets.unsolvedAtEnd).toBe(2)
  })
})

describe('KpiEngine upserts', () => {
  it('moves a ticket between aggregates when its status changes', () => {
    const engine = new KpiEngine()
    const open = buildTicket({ id: 50, updated: '2024-03-04T10:00:00Z' })
    engine.upsert(open)
    expect(engine.report(WEEK).tickets.solved).toBe(0)
    const solved = {
      ...open,
      status: 'solved' as const,
      solvedAt: Date.parse('2024-03-05T10:00:00Z'),
      updatedAt: Date.parse('2024-03-05T10:00:00Z'),
    }
    expect(engine.upsert(solved)).toBe('replaced')
    const report = engine.report(WEEK)
    expect(report.tickets.solved).toBe(1)
    expect(report.tickets.unsolvedAtEnd).toBe(0)
    expect(report.tickets.created).toBe(1)
  })

  it('keeps the newest updated_at whatever the arrival order', () => {
    const engine = new KpiEngine()
    const newer = buildTicket({ id: 60, status: 'pending', updated: '2024-03-06T00:00:00Z' })
    const older = {
      ...newer,
      status: 'open' as const,
      updatedAt: Date.parse('2024-03-05T00:00:00Z'),
    }
    engine.upsert(newer)
    expect(engine.upsert(older)).toBe('stale')
    expect(engine.get(60)?.status).toBe('pending')
    expect(engine.dataQuality()).toEqual({ records: 2, skipped: 1, reasons: { duplicateId: 1 } })
  })

  it('never throws on invalid records and counts them', () => {
    const engine = new KpiEngine()
    expect(engine.upsert(buildTicket({ id: Number.NaN }))).toBe('invalid')
    expect(engine.upsert({ ...buildTicket(), status: 'bogus' as never })).toBe('invalid')
    expect(engine.upsert({ ...buildTicket({ id: 70 }), channel: 'pigeon' as never })).toBe(
      'inserted',
    )
    expect(engine.get(70)?.channel).toBe('other')
    expect(engine.dataQuality()).toEqual({
      records: 3,
      skipped: 2,
      reasons: { invalidRecord: 2, unknownChannel: 1 },
    })
  })

  it('round-trips a record through the columns', () => {
    const engine = new KpiEngine()
    const [first] = weekTickets()
    engine.upsert(first as never)
    expect(engine.get(1)).toEqual(first)
  })
})

describe('KpiEngine.live', () => {
  it('equals a fresh report after upserts', () => {
    const engine = weekEngine()
    const live = engine.live(WEEK)
    const t3 = engine.get(3)
    if (t3 === undefined) throw new Error('fixture ticket 3 missing')
    engine.upsert({
      ...t3,
      status: 'solved',
      solvedAt: Date.parse('2024-03-07T00:00:00Z'),
      updatedAt: Date.parse('2024-03-07T00:00:00Z'),
      minutes: { ...t3.minutes, fullResolution: { calendar: 1000, business: 500 } },
    })
    engine.upsert(
      buildTicket({ id: 99, created: '2024-03-08T08:00:00Z', minutes: { firstReply: 12 } }),
    )
    expect(live.report()).toEqual(engine.report(WEEK))
    live.close()
  })
})

describe('KpiEngine.report segments', () => {
  it('splits by the caller’s segment map', () => {
    const report = weekEngine().report(WEEK, {
      segments: {
        by: 'ticket',
        map: new Map([
          [1, 'vip'],
          [2, 'vip'],
        ]),
      },
    })
    expect(report.segments?.['vip']?.tickets.created).toBe(2)
    expect(report.segments?.['vip']?.tickets.solved).toBe(2)
    expect(report.segments?.['other']?.tickets.created).toBe(3)
    expect(report.segments?.['vip']?.sla.overall).toEqual({ achieved: 1, breached: 1, rate: 0.5 })
  })
})

describe('KpiEngine edge cases', () => {
  it('reports nulls, not zeros or NaN, with no tickets', () => {
    const report = new KpiEngine().report(WEEK)
    expect(report.tickets.created).toBe(0)
    expect(report.firstReplyMinutes.median).toBeNull()
    expect(report.oneTouch.rate).toBeNull()
    expect(report.csat).toEqual({ good: 0, bad: 0, offered: 0, score: null, responseRate: null })
    expect(report.sla.overall.rate).toBeNull()
    expect(JSON.stringify(report)).not.toContain('NaN')
  })

  it('handles a single ticket with identical timestamps', () => {
    const engine = new KpiEngine()
    engine.upsert(
      buildTicket({
        created: '2024-03-04T00:00:00Z',
        solved: '2024-03-04T00:00:00Z',
        minutes: { firstReply: 0, fullResolution: 0 },
      }),
    )
    const report = engine.report(WEEK)
    expect(report.fullResolutionMinutes).toMatchObject({ count: 1, mean: 0, median: 0, p90: 0 })
    expect(Object.is(report.fullResolutionMinutes.median, -0)).toBe(false)
  })

  it.each([
    [{ from: '2024-13-01', to: '2024-03-11' }, /from/],
    [{ from: '2024-03-04', to: '2024-03-04' }, /after/],
    [{ from: '2024-03-04', to: '2024-03-11', timeZone: 'Mars/Base' }, /time zone/],
  ])('throws a RangeError on an invalid range %#', (range, message) => {
    expect(() => new KpiEngine().report(range)).toThrow(message)
  })
})
