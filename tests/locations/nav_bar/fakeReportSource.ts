// A ReportSource for the dashboard's tests: a real KPI engine over a small fixed team, so every
// figure on screen can be checked against the engine's own report.

import { KpiEngine } from '@/core'
import type { Figure, KpiReport, ReportRange } from '@/core'
import type {
  DrillTicket,
  NameLookup,
  ReportSource,
  ReportSourceStatus,
  RetentionReportData,
} from '@/zendesk/report/types'

import { buildTicket, resetIds } from '../../support/fixtures/ticketBuilder'

/** The data ends 2026-10-31 (as the demo account); presets end on that day. */
export const LATEST = Date.parse('2026-10-31T18:00:00Z')

/** Requesters 1–4 are Platinum, Gold, Silver and Standard customers. */
export const TIER_OF = new Map([
  [1, 'platinum'],
  [2, 'gold'],
  [3, 'silver'],
  [4, 'standard'],
])

export const NAMES: NameLookup = {
  users: { 10: 'Ana Agent', 11: 'Bo Agent', 1: 'Plato Inc', 2: 'Goldie Ltd' },
  groups: { 100: 'Tier 1', 101: 'Escalations' },
}

/** Twenty tickets over October 2026 and six in September, across agents, groups and channels. */
export function buildEngine(): KpiEngine {
  resetIds(1)
  const engine = new KpiEngine()
  for (let i = 0; i < 26; i++) {
    const day = i < 20 ? 10 + i : 1 + i // 2026-10-10 … 10-29, then 2026-09-21 … 09-26
    const month = i < 20 ? '10' : '09'
    const created = `2026-${month}-${String(day).padStart(2, '0')}T0${i % 9}:30:00Z`
    const solved =
      i % 4 === 3 ? null : `2026-${month}-${String(day).padStart(2, '0')}T1${i % 9}:00:00Z`
    engine.upsert(
      buildTicket({
        created,
        solved,
        requesterId: 1 + (i % 4),
        assigneeId: 10 + (i % 2),
        groupId: 100 + (i % 2),
        channel: i % 3 === 0 ? 'web' : 'email',
        minutes: { firstReply: 20 + i * 7, fullResolution: solved === null ? null : 60 + i * 30 },
        csat: i % 5 === 0 ? 'good' : i % 5 === 1 ? 'bad' : 'offered',
      }),
    )
  }
  return engine
}

export const RETENTION: RetentionReportData = {
  now: LATEST,
  customers: 120,
  rates: [],
  byChannel: [
    { key: 'email', customers: 80, retained: 60, rate: 0.75, ci: [0.65, 0.83] },
    { key: 'web', customers: 40, retained: 34, rate: 0.85, ci: [0.71, 0.93] },
  ],
  byResolution: {
    buckets: [
      { fromHours: 0, toHours: 24, customers: 70, retained: 63, rate: 0.9, ci: [0.81, 0.95] },
      { fromHours: 24, toHours: null, customers: 50, retained: 31, rate: 0.62, ci: [0.48, 0.74] },
    ],
    fasterStopsPayingOffAt: 24,
    knee: { hours: 24, slopeBelow: -0.9, slopeAbove: -0.1, flatSide: 'above', customers: 120 },
  },
  byAgent: [{ key: 10, customers: 60, retained: 48, rate: 0.8, ci: [0.68, 0.88] }],
  topCustomers: [{ customerId: 1, activeTickets: 2, value: 50_000, weight: 100_000 }],
  revenueAtRisk: {
    byCurrency: {
      USD: { customers: 3, openTickets: 5, value: 62_000, atRisk: 9_300, ticketWeighted: 120_000 },
    },
    unvalued: { customers: 1, openTickets: 1 },
  },
  baseline: {} as RetentionReportData['baseline'],
}

export type FakeSource = ReportSource & {
  calls: { report: ReportRange[]; segments: ('tier' | null)[]; drillDown: Figure[] }
  engine: KpiEngine
  reportOf(range: ReportRange, segments?: 'tier' | null): KpiReport
}

/** The fake source; `status` can be overridden to show the first sync or the agent fallback. */
export function fakeReportSource(status: Partial<ReportSourceStatus> = {}): FakeSource {
  const engine = buildEngine()
  const calls: FakeSource['calls'] = { report: [], segments: [], drillDown: [] }
  const reportOf = (range: ReportRange, segments: 'tier' | null = 'tier') =>
    segments === 'tier'
      ? engine.report(range, { segments: { by: 'requester', map: TIER_OF, fallback: 'standard' } })
      : engine.report(range)
  return {
    engine,
    calls,
    reportOf,
    report: (range, options = {}) => {
      calls.report.push(range)
      calls.segments.push(options.segments ?? null)
      return Promise.resolve(reportOf(range, options.segments ?? null))
    },
    retention: () => Promise.resolve(RETENTION),
    drillDown: (figure, limit = 500) => {
      calls.drillDown.push(figure)
      const tickets: DrillTicket[] = [
        {
          id: 7,
          subject: 'Cannot log in',
          requesterId: 1,
          requesterName: 'Plato Inc',
          tier: 'platinum',
          status: 'solved',
          value: 42,
        },
        {
          id: 9,
          subject: 'Invoice, "copy"',
          requesterId: 2,
          requesterName: 'Goldie Ltd',
          tier: 'gold',
          status: 'open',
          value: null,
        },
      ]
      return Promise.resolve({ total: 2, tickets: tickets.slice(0, limit) })
    },
    status: () =>
      Promise.resolve({
        tickets: 26,
        complete: true,
        updatedAt: Date.now() - 12_000,
        source: 'incremental',
        slaAvailable: true,
        latestActivityAt: LATEST,
        ...status,
      }),
    names: () => Promise.resolve(NAMES),
  }
}
