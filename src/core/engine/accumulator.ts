// Aggregates of one period, fed row by row with a sign (+1 add, -1 remove): live reports that
// upserts keep current. The counted KPIs come from the same definitions as the one-off scan
// (kpis.ts) and the report from the same `assemble`, so the two agree by construction.

import { durationStats } from '../kpi/durationStats'
import { ratio } from '../kpi/rate'
import { SortedValues } from '../_lib/valueSink'
import type { ValueSink } from '../_lib/valueSink'
import type { OffsetTable } from '../_lib/zonedTime'
import { DURATION_METRICS } from '../types'
import type { DurationKpi, DurationMetric, PeriodReport, TeamMemberKpis } from '../types'
import { assemble, dayLabelsOf } from './assemble'
import {
  ALL_TALLIES,
  BACKLOG,
  binOf,
  CREATED,
  METRIC_INDEX,
  METRICS_OF,
  periodMembership,
  RATE_DEFINITIONS,
  SOLVED_IN,
  TALLIES_OF,
} from './kpis'
import type { KpiBase, PeriodBounds, TallyContext, TallyName } from './kpis'
import { CSAT_CODE } from './store'
import type { IdDictionary, TicketStore } from './store'

// read once: the CommonJS build (node, jest) turns each imported binding into a getter call
const membership = periodMembership
const binAt = binOf

const GOOD = CSAT_CODE.good
const BAD = CSAT_CODE.bad
const FIRST_REPLY = METRIC_INDEX.firstReply * 2
const FULL_RESOLUTION = METRIC_INDEX.fullResolution * 2

type SinkFactory = () => ValueSink

/** Per-agent or per-group tallies over solved tickets. */
class TeamTally {
  solved: number[] = []
  oneTouch: number[] = []
  good: number[] = []
  bad: number[] = []
  firstReply: (ValueSink | undefined)[] = []
  fullResolution: (ValueSink | undefined)[] = []

  constructor(private readonly makeSink: SinkFactory) {}

  private ensure(i: number): void {
    while (this.solved.length <= i) {
      this.solved.push(0)
      this.oneTouch.push(0)
      this.good.push(0)
      this.bad.push(0)
      this.firstReply.push(undefined)
      this.fullResolution.push(undefined)
    }
  }

  sink(list: (ValueSink | undefined)[], i: number): ValueSink {
    let s = list[i]
    if (s === undefined) {
      s = this.makeSink()
      list[i] = s
    }
    return s
  }

  apply(
    i: number,
    sign: number,
    oneTouch: boolean,
    csat: number,
    firstReply: number,
    fullResolution: number,
  ): void {
    this.ensure(i)
    this.solved[i] = (this.solved[i] as number) + sign
    if (oneTouch) this.oneTouch[i] = (this.oneTouch[i] as number) + sign
    if (csat === GOOD) this.good[i] = (this.good[i] as number) + sign
    else if (csat === BAD) this.bad[i] = (this.bad[i] as number) + sign
    if (!Number.isNaN(firstReply)) {
      const s = this.sink(this.firstReply, i)
      if (sign > 0) s.add(firstReply)
      else s.remove(firstReply)
    }
    if (!Number.isNaN(fullResolution)) {
      const s = this.sink(this.fullResolution, i)
      if (sign > 0) s.add(fullResolution)
      else s.remove(fullResolution)
    }
  }

  finish(dict: IdDictionary): TeamMemberKpis[] {
    const out: TeamMemberKpis[] = []
    for (let i = 0; i < this.solved.length; i++) {
      const solved = this.solved[i] as number
      if (solved <= 0) continue
      const good = this.good[i] as number
      const bad = this.bad[i] as number
      out.push({
        id: dict.ids[i] ?? null,
        solved,
        firstReplyMinutesMedian: this.firstReply[i]?.median() ?? null,
        fullResolutionMinutesMedian: this.fullResolution[i]?.median() ?? null,
        oneTouchRate: ratio(this.oneTouch[i] as number, solved),
        csatScore: ratio(good, good + bad),
      })
    }
    return out.sort((a, b) => b.solved - a.solved || (a.id ?? -1) - (b.id ?? -1))
  }
}

/** All aggregates of one period, kept current by `apply`. */
export class PeriodAccumulator {
  created = 0
  solved = 0
  unsolvedAtEnd = 0
  /** The counters of each counted KPI (`ALL_TALLIES`). */
  readonly counts: Record<TallyName, Int32Array>
  /** Per metric × (calendar, business). */
  readonly sinks: ValueSink[]
  readonly sums = new Float64Array(DURATION_METRICS.length * 2)
  readonly pending = new Int32Array(DURATION_METRICS.length)
  readonly agents: TeamTally
  readonly groups: TeamTally
  private readonly at: TallyContext
  /** `YYYY-MM-DD` of each day of the period, made once (live reports repeat `finish`). */
  private readonly dayLabels: string[]

  constructor(
    readonly bounds: PeriodBounds,
    table: OffsetTable,
  ) {
    const make: SinkFactory = () => new SortedValues()
    this.at = { bounds, table }
    this.counts = {} as Record<TallyName, Int32Array>
    for (const name of Object.keys(ALL_TALLIES) as TallyName[])
      this.counts[name] = new Int32Array(ALL_TALLIES[name].size(bounds))
    this.sinks = DURATION_METRICS.flatMap(() => [make(), make()])
    this.agents = new TeamTally(make)
    this.groups = new TeamTally(make)
    this.dayLabels = dayLabelsOf(bounds)
  }

  private measure(store: TicketStore, row: number, metric: number, sign: number): void {
    const col = metric * 2
    const cal = (store.minutes[col] as Float32Array)[row] as number
    const bus = (store.minutes[col + 1] as Float32Array)[row] as number
    if (Number.isNaN(cal)) this.pending[metric] = (this.pending[metric] as number) + sign
    else {
      this.sums[col] = (this.sums[col] as number) + sign * cal
      const s = this.sinks[col] as ValueSink
      if (sign > 0) s.add(cal)
      else s.remove(cal)
    }
    if (!Number.isNaN(bus)) {
      this.sums[col + 1] = (this.sums[col + 1] as number) + sign * bus
      const s = this.sinks[col + 1] as ValueSink
      if (sign > 0) s.add(bus)
      else s.remove(bus)
    }
  }

  /** Adds (sign +1) or removes (sign -1) the contribution of one stored row. */
  apply(store: TicketStore, row: number, sign: number): void {
    const bits = membership(store, row, this.bounds.fromMs, this.bounds.toMs)
    if ((bits & BACKLOG) !== 0) this.unsolvedAtEnd += sign
    if ((bits & CREATED) !== 0) {
      this.created += sign
      this.applyBase('created', store, row, sign)
    }
    if ((bits & SOLVED_IN) !== 0) {
      this.solved += sign
      this.applyBase('solved', store, row, sign)
      this.applyTeams(store, row, sign)
    }
  }

  /** The counters and durations of the KPIs read over `base`. */
  private applyBase(base: KpiBase, store: TicketStore, row: number, sign: number): void {
    for (const name of TALLIES_OF[base]) {
      const b = binAt(ALL_TALLIES[name], store, row, this.at)
      if (b >= 0) {
        const c = this.counts[name]
        c[b] = (c[b] as number) + sign
      }
    }
    for (const m of METRICS_OF[base]) this.measure(store, row, m, sign)
  }

  private applyTeams(store: TicketStore, row: number, sign: number): void {
    const oneTouch = RATE_DEFINITIONS.oneTouch.holds(store, row)
    const csat = store.csat[row] as number
    const firstReply = (store.minutes[FIRST_REPLY] as Float32Array)[row] as number
    const fullRes = (store.minutes[FULL_RESOLUTION] as Float32Array)[row] as number
    this.agents.apply(store.assignee[row] as number, sign, oneTouch, csat, firstReply, fullRes)
    this.groups.apply(store.group[row] as number, sign, oneTouch, csat, firstReply, fullRes)
  }

  private duration(metric: number): DurationKpi {
    const col = metric * 2
    const calendar = durationStats(this.sums[col] as number, this.sinks[col] as ValueSink)
    const business = durationStats(this.sums[col + 1] as number, this.sinks[col + 1] as ValueSink)
    return { ...calendar, pending: this.pending[metric] as number, business }
  }

  /** The period's KPIs (without SLA, which the engine adds from its event store). */
  finish(store: TicketStore): Omit<PeriodReport, 'sla'> {
    const durations = {} as Record<DurationMetric, DurationKpi>
    for (const m of DURATION_METRICS) durations[m] = this.duration(METRIC_INDEX[m])
    return assemble({
      bounds: this.bounds,
      created: this.created,
      solved: this.solved,
      unsolvedAtEnd: this.unsolvedAtEnd,
      counts: this.counts,
      durations,
      agents: this.agents.finish(store.agents),
      groups: this.groups.finish(store.groups),
      dayLabels: this.dayLabels,
    })
  }
}
