import { KpiEngine } from '@/core/engine/engine'
import { ALL_TALLIES } from '@/core/engine/kpis'
import type { TallyName } from '@/core/engine/kpis'
import { DURATION_METRICS, RATE_KPIS } from '@/core/types'
import type { KpiReport } from '@/core/types'
import { DRILL_KPIS } from '@/core/view/figure'
import type { DrillKpi } from '@/core/view/figure'
import { drillDownIds } from '@/core/view/drillDownIds'
import { weekTickets, WEEK } from './weekFixture'

// Every KPI defined once (engine/kpis.ts) must reach every path: the one-off report, the live
// report, the drill-down and the command's JSON. The lists below are typed by the definitions, so
// a new KPI that is not placed here fails to compile, and one placed but not computed fails here.

/** Where each counted KPI lands in a period report (and in `npm run kpi -- --json`). */
const TALLY_PATHS: Record<TallyName, string> = {
  byChannel: 'tickets.byChannel',
  byDay: 'tickets.byDay',
  byWeekdayHour: 'tickets.byWeekdayHour',
  firstReplyBuckets: 'firstReplyBuckets',
  resolutionBuckets: 'fullResolutionMinutes.buckets',
  csat: 'csat',
  oneTouch: 'oneTouch',
  reopened: 'reopened',
  reassigned: 'reassigned',
}

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value)
}

const engine = new KpiEngine()
engine.upsertMany(weekTickets())
const range = WEEK
const report: KpiReport = engine.report(range)
const live = engine.live(range)
const json = JSON.parse(JSON.stringify(report)) as KpiReport

describe('every KPI reaches every path', () => {
  it.each(Object.keys(ALL_TALLIES) as TallyName[])('%s: report, live report and JSON', (name) => {
    const path = TALLY_PATHS[name]
    expect(at(report, path)).toBeDefined()
    expect(at(live.report(), path)).toEqual(at(report, path))
    expect(at(json, path)).toEqual(at(report, path))
    expect(at(report.previous, path)).toBeDefined()
  })

  const durations = DURATION_METRICS.map((m) => `${m}Minutes` as const)
  it.each([...RATE_KPIS, ...durations])(
    '%s: a drill-down lists as many tickets as it counts',
    (kpi) => {
      expect(DRILL_KPIS).toContain(kpi)
      const count = report[kpi].count
      expect(
        drillDownIds(engine, { range, select: { kind: 'kpi', kpi: kpi as DrillKpi } }).total,
      ).toBe(count)
      expect(live.report()[kpi]).toEqual(report[kpi])
      expect(json[kpi]).toEqual(report[kpi])
    },
  )
})
