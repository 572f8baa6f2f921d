import fc from 'fast-check'

import { KpiEngine } from '@/core/engine/engine'
import {
  CHANNELS,
  CSAT_SCORES,
  FIRST_REPLY_BUCKETS,
  RESOLUTION_TIME_BANDS,
  SLA_METRICS,
} from '@/core/types'
import type {
  KpiReport,
  PeriodReport,
  ReportRange,
  SegmentOptions,
  SlaEvent,
  TicketRecord,
  TicketStatus,
} from '@/core/types'
import { DRILL_KPIS } from '@/core/view/figure'
import type { DrillKpi, Figure, FigureSelector } from '@/core/view/figure'
import { drillDownIds } from '@/core/view/drillDownIds'
import { mulberry32 } from '../../support/prng'

// A generated account: 2,500 tickets over 70 days with every status, channel, rating, nulls,
// deleted tickets, later versions of the same ids and SLA targets.

const START = Date.parse('2024-01-20T00:00:00Z')
const DAY = 86_400_000
const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted']

function generate(n: number, seed: number): { tickets: TicketRecord[]; events: SlaEvent[] } {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const maybe = (v: number): number | null => (rnd() < 0.15 ? null : v)
  const minutes = () => {
    const calendar = maybe(Math.round(rnd() * rnd() * 6000))
    return { calendar, business: calendar === null ? null : Math.round(calendar * 0.6) }
  }
  const tickets: TicketRecord[] = []
  const events: SlaEvent[] = []
  for (let i = 0; i < n; i++) {
    const id = i < n - 200 ? i + 1 : 1 + Math.floor(rnd() * 500) // the last 200 are re-versions
    const createdAt = START + Math.floor(rnd() * 70 * DAY)
    const status = pick(STATUSES)
    const solvedAt =
      status === 'solved' || status === 'closed' || rnd() < 0.05
        ? createdAt + Math.floor(rnd() * 12 * DAY)
        : null
    tickets.push({
      id,
      status,
      channel: pick(CHANNELS),
      createdAt,
      updatedAt: createdAt + i * 1000,
      solvedAt,
      requesterId: rnd() < 0.05 ? null : 1 + Math.floor(rnd() * 300),
      organizationId: null,
      assigneeId: rnd() < 0.1 ? null : 1 + Math.floor(rnd() * 8),
      groupId: rnd() < 0.1 ? null : 1 + Math.floor(rnd() * 3),
      replies: maybe(Math.floor(rnd() * 4)),
      reopens: maybe(Math.floor(rnd() * 3)),
      assigneeStations: maybe(Math.floor(rnd() * 3)),
      minutes: {
        firstReply: minutes(),
        firstResolution: minutes(),
        fullResolution: minutes(),
        requesterWait: minutes(),
        agentWait: minutes(),
        onHold: minutes(),
      },
      csat: pick(CSAT_SCORES),
    })
    if (rnd() < 0.4) {
      const metric = pick(SLA_METRICS)
      const base = { ticketId: id, metric, instanceId: 1, deleted: false }
      const applied = createdAt + 60_000
      events.push({ ...base, id: events.length + 1, type: 'apply_sla', time: applied })
      const end = applied + Math.floor(rnd() * 3 * DAY)
      const type = rnd() < 0.6 ? 'fulfill' : 'breach'
      events.push({ ...base, id: events.length + 1, type, time: end })
    }
  }
  // targets of a ticket the store never saw count too (as in the report)
  events.push(
    {
      id: 1e6,
      ticketId: 999_999,
      metric: 'first_reply_time',
      instanceId: 1,
      deleted: false,
      type: 'apply_sla',
      time: START + 40 * DAY,
    },
    {
      id: 1e6 + 1,
      ticketId: 999_999,
      metric: 'first_reply_time',
      instanceId: 1,
      deleted: false,
      type: 'fulfill',
      time: START + 41 * DAY,
    },
  )
  return { tickets, events }
}

const { tickets, events } = generate(2500, 7)
const engine = new KpiEngine()
engine.upsertMany(tickets)
engine.addSlaEvents(events)

const tierMap = new Map<number, string>()
for (let id = 1; id <= 300; id++) {
  tierMap.set(id, ['platinum', 'gold', 'silver', 'standard'][id % 4] as string)
}
const SEGMENTS: SegmentOptions = { by: 'requester', map: tierMap, fallback: 'standard' }

const RANGES: ReportRange[] = [
  { from: '2024-02-20', to: '2024-03-19' },
  { from: '2024-02-25', to: '2024-03-10', timeZone: 'America/New_York' },
  { from: '2024-03-01', to: '2024-03-08', timeZone: 'Asia/Kolkata' },
]

/** The count of a KPI figure in a period report. */
function kpiCount(r: PeriodReport, kpi: DrillKpi): number {
  switch (kpi) {
    case 'created':
    case 'solved':
    case 'unsolvedAtEnd':
      return r.tickets[kpi]
    case 'csat':
      return r.csat.good + r.csat.bad
    case 'sla':
      return r.sla.overall.achieved + r.sla.overall.breached
    default:
      return r[kpi].count
  }
}

/** Every figure of a period report with its count. */
function figuresOf(r: PeriodReport): [FigureSelector, number][] {
  const out: [FigureSelector, number][] = DRILL_KPIS.map((kpi) => [
    { kind: 'kpi', kpi },
    kpiCount(r, kpi),
  ])
  for (const ch of CHANNELS)
    out.push([{ kind: 'channel', channel: ch }, r.tickets.byChannel[ch] ?? 0])
  for (const [day, n] of Object.entries(r.tickets.byDay)) out.push([{ kind: 'day', day }, n])
  r.tickets.byWeekdayHour.forEach((hours, weekday) =>
    hours.forEach((n, hour) => out.push([{ kind: 'weekdayHour', weekday, hour }, n])),
  )
  for (const a of r.agents) out.push([{ kind: 'agent', agentId: a.id }, a.solved])
  for (const g of r.groups) out.push([{ kind: 'group', groupId: g.id }, g.solved])
  for (const ch of CHANNELS) {
    for (const bucket of FIRST_REPLY_BUCKETS) {
      const n = r.firstReplyBuckets[ch]?.[bucket] ?? 0
      out.push([{ kind: 'firstReplyBucket', channel: ch, bucket }, n])
    }
  }
  // the resolution-time distribution: each band's count is its drill-down's
  for (const { bucket, fromMinutes, toMinutes } of RESOLUTION_TIME_BANDS) {
    const n = r.fullResolutionMinutes.buckets[bucket]
    out.push([{ kind: 'resolutionBucket', fromMinutes, toMinutes }, n])
  }
  return out
}

function expectCounts(report: PeriodReport, figure: (select: FigureSelector) => Figure): void {
  const mismatches: string[] = []
  for (const [select, count] of figuresOf(report)) {
    const { total, tickets: rows } = drillDownIds(engine, figure(select), { segments: SEGMENTS })
    if (total !== count || rows.length !== count) {
      mismatches.push(`${JSON.stringify(select)}: figure ${count}, drill-down ${total}`)
    }
    if (!(select.kind === 'kpi' && select.kpi === 'sla')) {
      expect(new Set(rows.map((t) => t.id)).size).toBe(rows.length)
    }
  }
  expect(mismatches).toEqual([])
}

describe('drillDownIds', () => {
  it.each(RANGES)('lists as many tickets as every figure counts (%o)', (range) => {
    const report: KpiReport = engine.report(range, { segments: SEGMENTS })
    expect(report.tickets.created).toBeGreaterThan(50)
    expect(report.sla.overall.achieved + report.sla.overall.breached).toBeGreaterThan(10)
    expectCounts(report, (select) => ({ range, select }))
    expectCounts(report.previous, (select) => ({ range, period: 'previous', select }))
    for (const [tier, segment] of Object.entries(report.segments ?? {})) {
      expectCounts(segment, (select) => ({ range, tier, select }))
    }
  })

  it('splits solved tickets into resolution-time buckets that add up to the figure', () => {
    const range = RANGES[0] as ReportRange
    const report = engine.report(range)
    const edges = [0, 60, 240, 1440, 4320, null] as const
    let sum = 0
    for (let i = 0; i < edges.length - 1; i++) {
      const fromMinutes = edges[i] as number
      const toMinutes = edges[i + 1] ?? null
      const r = drillDownIds(engine, {
        range,
        select: { kind: 'resolutionBucket', fromMinutes, toMinutes },
      })
      for (const t of r.tickets) {
        expect(t.value).toBeGreaterThanOrEqual(fromMinutes)
        expect(toMinutes === null || (t.value as number) < toMinutes).toBe(true)
      }
      sum += r.total
    }
    expect(sum).toBe(report.fullResolutionMinutes.count)
  })

  it("gives each ticket its value for the figure, whose median is the figure's median", () => {
    const range = RANGES[1] as ReportRange
    const report = engine.report(range)
    const r = drillDownIds(engine, { range, select: { kind: 'kpi', kpi: 'firstReplyMinutes' } })
    const values = r.tickets.map((t) => t.value as number).sort((a, b) => a - b)
    const n = values.length
    const median =
      n % 2 === 1
        ? values[(n - 1) / 2]
        : ((values[n / 2 - 1] as number) + (values[n / 2] as number)) / 2
    expect(median).toBeCloseTo(report.firstReplyMinutes.median as number, 6)
    const csat = drillDownIds(engine, { range, select: { kind: 'kpi', kpi: 'csat' } })
    const good = csat.tickets.filter((t) => t.value === 1).length
    expect(good).toBe(report.csat.good)
    expect(csat.total - good).toBe(report.csat.bad)
    const sla = drillDownIds(engine, { range, select: { kind: 'kpi', kpi: 'sla' } })
    expect(sla.tickets.filter((t) => t.value === 1).length).toBe(report.sla.overall.achieved)
  })

  it('lists the largest values first and keeps at most limit tickets', () => {
    const range = RANGES[0] as ReportRange
    const figure: Figure = { range, select: { kind: 'kpi', kpi: 'unsolvedAtEnd' } }
    const all = drillDownIds(engine, figure)
    const top = drillDownIds(engine, figure, { limit: 5 })
    expect(top.total).toBe(all.total)
    expect(top.tickets).toEqual(all.tickets.slice(0, 5))
    const values = all.tickets.map((t) => t.value as number)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    expect(drillDownIds(engine, figure, { limit: 0 }).tickets).toEqual([])
  })

  it('leaves deleted tickets out and reads the newest version of a ticket', () => {
    const e = new KpiEngine()
    const base = tickets[0] as TicketRecord
    const t = {
      ...base,
      id: 1,
      status: 'open' as const,
      createdAt: Date.parse('2024-03-01T10:00:00Z'),
    }
    e.upsert({ ...t, updatedAt: 1, channel: 'email' })
    e.upsert({ ...t, updatedAt: 2, channel: 'voice' })
    e.upsert({ ...t, id: 2, updatedAt: 1, status: 'deleted' })
    const range = { from: '2024-03-01', to: '2024-03-02' }
    expect(drillDownIds(e, { range, select: { kind: 'kpi', kpi: 'created' } }).tickets).toEqual([
      { id: 1, value: null },
    ])
    expect(drillDownIds(e, { range, select: { kind: 'channel', channel: 'email' } }).total).toBe(0)
  })

  it('refuses a tier figure without segments and an invalid range', () => {
    const range = RANGES[0] as ReportRange
    expect(() =>
      drillDownIds(engine, { range, tier: 'gold', select: { kind: 'kpi', kpi: 'created' } }),
    ).toThrow("the figure is of tier 'gold' but no segments were given")
    expect(() =>
      drillDownIds(engine, {
        range: { from: '2024-03-01', to: '2024-02-01' },
        select: { kind: 'kpi', kpi: 'created' },
      }),
    ).toThrow(RangeError)
    const unknown = drillDownIds(
      engine,
      { range, tier: 'diamond', select: { kind: 'kpi', kpi: 'created' } },
      { segments: SEGMENTS },
    )
    expect(unknown.total).toBe(0)
  })

  it('matches every figure for any set of ticket versions (property)', () => {
    const minutes = fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null, freq: 3 })
    const pair = minutes.map((m) => ({ calendar: m, business: m }))
    const ticket = fc
      .record({
        id: fc.integer({ min: 1, max: 30 }),
        status: fc.constantFrom(...STATUSES),
        channel: fc.constantFrom('email', 'web', 'chat', 'voice'),
        created: fc.integer({ min: 0, max: 30 * DAY }),
        solvedAfter: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
        requesterId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
        assigneeId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
        groupId: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
        replies: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        reopens: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        assigneeStations: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        firstReply: pair,
        fullResolution: pair,
        csat: fc.constantFrom(...CSAT_SCORES),
      })
      .map(({ created, solvedAfter, firstReply, fullResolution, ...t }): TicketRecord => ({
        ...t,
        organizationId: null,
        createdAt: START + 20 * DAY + created,
        updatedAt: 0,
        solvedAt: solvedAfter === null ? null : START + 20 * DAY + created + solvedAfter,
        minutes: {
          firstReply,
          firstResolution: fullResolution,
          fullResolution,
          requesterWait: fullResolution,
          agentWait: firstReply,
          onHold: firstReply,
        },
      }))
    const history = fc
      .array(ticket, { maxLength: 50 })
      .map((ts) => ts.map((t, i) => ({ ...t, updatedAt: t.createdAt + (i + 1) * 1000 })))
    const range: ReportRange = { from: '2024-02-15', to: '2024-02-25', timeZone: 'Europe/Madrid' }
    fc.assert(
      fc.property(history, (versions) => {
        const e = new KpiEngine({ initialCapacity: 2 })
        e.upsertMany(versions)
        const tiers = new Map(
          [1, 2, 3, 4, 5, 6, 7, 8].map((id) => [id, id % 2 ? 'gold' : 'silver']),
        )
        const segments: SegmentOptions = { by: 'requester', map: tiers, fallback: 'standard' }
        const report = e.report(range, { segments })
        const check = (r: PeriodReport, figure: (select: FigureSelector) => Figure): void => {
          for (const [select, count] of figuresOf(r)) {
            if (select.kind === 'weekdayHour' && count === 0) continue
            const { total } = drillDownIds(e, figure(select), { segments })
            expect({ select, total }).toEqual({ select, total: count })
          }
        }
        check(report, (select) => ({ range, select }))
        check(report.previous, (select) => ({ range, period: 'previous', select }))
        for (const [tier, r] of Object.entries(report.segments ?? {})) {
          check(r, (select) => ({ range, tier, select }))
        }
      }),
      { numRuns: 12 },
    )
  })
})
