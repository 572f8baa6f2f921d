import { DURATION_METRICS, KpiEngine, RATE_KPIS } from '@/core'
import type { TicketRecord } from '@/core'

import { syntheticEngineRecords } from '../../bench/syntheticEngineRecords'

// The engine bench's fallback data, when the simulator is absent: every KPI must have data, or
// the comparison with DuckDB proves nothing for the KPIs it leaves empty.

const DAY = 86_400_000
const END = Date.UTC(2026, 5, 30)
const SHAPE = { tickets: 5000, end: END, seed: 42, requesters: 500, agents: 12, groups: 4 }

const RECORDS: TicketRecord[] = [...syntheticEngineRecords(SHAPE)]
const records = (): TicketRecord[] => RECORDS

const share = (list: TicketRecord[], test: (t: TicketRecord) => boolean): number =>
  list.filter(test).length / list.length

describe('syntheticEngineRecords', () => {
  it('gives the same records for the same options, in creation order', () => {
    const a = records()
    expect(a).toHaveLength(SHAPE.tickets)
    expect([...syntheticEngineRecords(SHAPE)]).toEqual(a)
    expect([...syntheticEngineRecords({ ...SHAPE, seed: 43 })]).not.toEqual(a)
    expect(
      a.every((t, i) => i === 0 || t.createdAt >= (a[i - 1] as TicketRecord).createdAt - DAY),
    ).toBe(true)
  })

  it('closes solved tickets four days after solving, and keeps the recent ones solved', () => {
    const all = records()
    const done = all.filter((t) => t.solvedAt !== null)
    expect(share(all, (t) => t.solvedAt !== null)).toBeCloseTo(0.9, 1)
    for (const t of done) {
      expect(t.status).toBe((t.solvedAt as number) + 4 * DAY <= END ? 'closed' : 'solved')
    }
    expect(done.some((t) => t.status === 'solved')).toBe(true)
    expect(all.filter((t) => t.solvedAt === null).every((t) => t.status === 'open')).toBe(true)
  })

  it('offers surveys on solved tickets only, some answered good or bad, the rest offered', () => {
    const all = records()
    expect(all.filter((t) => t.solvedAt === null).every((t) => t.csat === 'unoffered')).toBe(true)
    const solved = all.filter((t) => t.solvedAt !== null)
    const sent = solved.filter((t) => t.csat !== 'unoffered')
    expect(sent.length / solved.length).toBeCloseTo(0.6, 1)
    expect(share(sent, (t) => t.csat === 'good' || t.csat === 'bad')).toBeCloseTo(0.45, 1)
    expect(share(sent, (t) => t.csat === 'offered')).toBeCloseTo(0.55, 1)
    expect(sent.some((t) => t.csat === 'bad')).toBe(true)
  })

  it('reassigns about a fifth of the tickets', () => {
    expect(share(records(), (t) => (t.assigneeStations ?? 0) > 1)).toBeCloseTo(0.23, 1)
  })

  it("gives every KPI of a month's report data", () => {
    const engine = new KpiEngine()
    engine.upsertMany(records())
    const report = engine.report({ from: '2026-05-01', to: '2026-06-01', timeZone: 'UTC' })
    expect(report.tickets.created).toBeGreaterThan(0)
    expect(report.tickets.solved).toBeGreaterThan(0)
    expect(report.tickets.unsolvedAtEnd).toBeGreaterThan(0)
    for (const k of RATE_KPIS) expect(report[k].count).toBeGreaterThan(0)
    for (const m of DURATION_METRICS) expect(report[`${m}Minutes`].count).toBeGreaterThan(0)
    expect(report.csat.good).toBeGreaterThan(0)
    expect(report.csat.bad).toBeGreaterThan(0)
    expect(report.csat.offered).toBeGreaterThan(report.csat.good + report.csat.bad)
  })
})
