// Aggregates of one period, fed row by row with a sign (+1 add, -1 remove) so the same code serves
// one-off reports (push-only buffers, selection) and live reports (sorted multisets, upserts).

import { durationStats } from '../kpi/durationStats'
import { firstReplyBucketIndex, labelBuckets } from '../kpi/firstReplyBucket'
import { csatKpi } from '../kpi/csat'
import { isOneTouch } from '../kpi/oneTouch'
import { rateKpi, ratio } from '../kpi/rate'
import { isReassigned } from '../kpi/reassigned'
import { isReopened } from '../kpi/reopened'
import { SortedValues, ValueBuffer } from '../_lib/valueSink'
import type { ValueSink } from '../_lib/valueSink'
import { DAY_MS, HOUR_MS } from '../_lib/time'
import { formatDay } from '../_lib/zonedTime'
import type { OffsetTable } from '../_lib/zonedTime'
import { CHANNELS, DURATION_METRICS, FIRST_REPLY_BUCKETS } from '../types'
import type { Channel, DurationKpi, FirstReplyBucket, PeriodReport, TeamMemberKpis } from '../types'
import { CLOSED, CSAT_CODE, DELETED, SOLVED } from './store'
import type { IdDictionary, TicketStore } from './store'

const N_CHANNELS = CHANNELS.length
const N_BUCKETS = FIRST_REPLY_BUCKETS.length
const GOOD = CSAT_CODE.good
const BAD = CSAT_CODE.bad
const OFFERED = CSAT_CODE.offered
/** Index of each metric's calendar column in `TicketStore.minutes` (business is +1). */
const FIRST_REPLY = 0
const SOLVED_METRICS = [1, 2, 3, 4, 5] as const
const FULL_RESOLUTION = 2

/** The bounds of one period: instants `[fromMs, toMs)` and local days `[fromDay, toDay)`. */
export interface PeriodBounds {
  fromDay: number
  toDay: number
  fromMs: number
  toMs: number
  timeZone: string
}

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

/** All aggregates of one period. */
export class PeriodAccumulator {
  created = 0
  solved = 0
  unsolvedAtEnd = 0
  oneTouch = 0
  reopened = 0
  reassigned = 0
  good = 0
  bad = 0
  offeredOnly = 0
  readonly byChannel = new Int32Array(N_CHANNELS)
  readonly byDay: Int32Array
  readonly heat = new Int32Array(7 * 24)
  readonly buckets = new Int32Array(N_CHANNELS * N_BUCKETS)
  /** Per metric × (calendar, business). */
  readonly sinks: ValueSink[]
  readonly sums = new Float64Array(DURATION_METRICS.length * 2)
  readonly pending = new Int32Array(DURATION_METRICS.length)
  readonly agents: TeamTally
  readonly groups: TeamTally
  /** `YYYY-MM-DD` of each day of the period, made on the first `finish` (live reports repeat it). */
  private dayLabels: string[] | undefined

  constructor(
    readonly bounds: PeriodBounds,
    private readonly table: OffsetTable,
    live: boolean,
  ) {
    const make: SinkFactory = live ? () => new SortedValues() : () => new ValueBuffer()
    this.byDay = new Int32Array(Math.max(0, bounds.toDay - bounds.fromDay))
    this.sinks = DURATION_METRICS.flatMap(() => [make(), make()])
    this.agents = new TeamTally(make)
    this.groups = new TeamTally(make)
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
    const status = store.status[row] as number
    if (status === DELETED) return
    const { fromMs, toMs } = this.bounds
    const created = store.createdAt[row] as number
    const isSolved = status === SOLVED || status === CLOSED
    const solvedAt = store.solvedAt[row] as number
    if (created < toMs && !(isSolved && solvedAt < toMs)) this.unsolvedAtEnd += sign
    if (created >= fromMs && created < toMs) this.applyCreated(store, row, sign, created)
    if (isSolved && solvedAt >= fromMs && solvedAt < toMs) this.applySolved(store, row, sign)
  }

  private applyCreated(store: TicketStore, row: number, sign: number, created: number): void {
    this.created += sign
    const channel = store.channel[row] as number
    this.byChannel[channel] = (this.byChannel[channel] as number) + sign
    const local = this.table.localTime(created)
    const day = Math.floor(local / DAY_MS)
    const d = day - this.bounds.fromDay
    this.byDay[d] = (this.byDay[d] as number) + sign
    const weekday = (((day + 3) % 7) + 7) % 7 // 1970-01-01 was a Thursday; Monday = 0
    const hour = Math.floor((local - day * DAY_MS) / HOUR_MS)
    const h = weekday * 24 + hour
    this.heat[h] = (this.heat[h] as number) + sign
    this.measure(store, row, FIRST_REPLY, sign)
    const reply = (store.minutes[0] as Float32Array)[row] as number
    if (!Number.isNaN(reply)) {
      const b = channel * N_BUCKETS + firstReplyBucketIndex(reply)
      this.buckets[b] = (this.buckets[b] as number) + sign
    }
  }

  private applySolved(store: TicketStore, row: number, sign: number): void {
    this.solved += sign
    for (const m of SOLVED_METRICS) this.measure(store, row, m, sign)
    // stored counts use -1 for null, which every predicate rejects
    const oneTouch = isOneTouch(store.replies[row] as number)
    if (oneTouch) this.oneTouch += sign
    if (isReopened(store.reopens[row] as number)) this.reopened += sign
    if (isReassigned(store.stations[row] as number)) this.reassigned += sign
    const csat = store.csat[row] as number
    if (csat === GOOD) this.good += sign
    else if (csat === BAD) this.bad += sign
    else if (csat === OFFERED) this.offeredOnly += sign
    const firstReply = (store.minutes[0] as Float32Array)[row] as number
    const fullRes = (store.minutes[FULL_RESOLUTION * 2] as Float32Array)[row] as number
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
    const { fromDay, toDay, timeZone } = this.bounds
    const byChannel: Partial<Record<Channel, number>> = {}
    const firstReplyBuckets: Partial<Record<Channel, Record<FirstReplyBucket, number>>> = {}
    CHANNELS.forEach((c, i) => {
      const n = this.byChannel[i] as number
      if (n > 0) byChannel[c] = n
      const counts = this.buckets.subarray(i * N_BUCKETS, (i + 1) * N_BUCKETS)
      if (counts.some((v) => v > 0)) firstReplyBuckets[c] = labelBuckets(counts)
    })
    const byDay: Record<string, number> = {}
    this.dayLabels ??= Array.from({ length: toDay - fromDay }, (_, i) => formatDay(fromDay + i))
    this.dayLabels.forEach((label, i) => {
      byDay[label] = this.byDay[i] as number
    })
    const byWeekdayHour = Array.from({ length: 7 }, (_, w) =>
      Array.from(this.heat.subarray(w * 24, w * 24 + 24)),
    )
    return {
      period: { from: formatDay(fromDay), to: formatDay(toDay), timezone: timeZone },
      tickets: {
        created: this.created,
        solved: this.solved,
        unsolvedAtEnd: this.unsolvedAtEnd,
        byChannel,
        byDay,
        byWeekdayHour,
      },
      firstReplyMinutes: this.duration(0),
      firstResolutionMinutes: this.duration(1),
      fullResolutionMinutes: this.duration(2),
      requesterWaitMinutes: this.duration(3),
      agentWaitMinutes: this.duration(4),
      onHoldMinutes: this.duration(5),
      oneTouch: rateKpi(this.oneTouch, this.solved),
      reopened: rateKpi(this.reopened, this.solved),
      reassigned: rateKpi(this.reassigned, this.solved),
      csat: csatKpi(this.good, this.bad, this.offeredOnly),
      firstReplyBuckets,
      agents: this.agents.finish(store.agents),
      groups: this.groups.finish(store.groups),
    }
  }
}
