// One-off period reports by column scans: one pass over the rows picks the tickets created and
// solved in the period (and counts what needs no percentile), then each duration column is
// gathered over those rows and its percentiles are selected. Same results as PeriodAccumulator,
// which serves live reports; the property tests hold the two equal.

import { csatKpi } from '../kpi/csat'
import { firstReplyBucketIndex, labelBuckets } from '../kpi/firstReplyBucket'
import { isOneTouch } from '../kpi/oneTouch'
import { rateKpi, ratio } from '../kpi/rate'
import { isReassigned } from '../kpi/reassigned'
import { isReopened } from '../kpi/reopened'
import { quantilesOf } from '../_lib/quantile'
import { DAY_MS, HOUR_MS } from '../_lib/time'
import { formatDay } from '../_lib/zonedTime'
import type { OffsetTable } from '../_lib/zonedTime'
import { CHANNELS, FIRST_REPLY_BUCKETS } from '../types'
import type {
  Channel,
  DurationKpi,
  DurationStats,
  FirstReplyBucket,
  PeriodReport,
  TeamMemberKpis,
} from '../types'
import type { PeriodBounds } from './accumulator'
import { CLOSED, CSAT_CODE, DELETED, SOLVED } from './store'
import type { IdDictionary, TicketStore } from './store'

const N_CHANNELS = CHANNELS.length
const N_BUCKETS = FIRST_REPLY_BUCKETS.length
const GOOD = CSAT_CODE.good
const BAD = CSAT_CODE.bad
const OFFERED = CSAT_CODE.offered

function inc(a: Int32Array, i: number): void {
  a[i] = (a[i] as number) + 1
}

/** Reusable scratch buffer for gathered values. */
class Scratch {
  buf = new Float64Array(1024)
  get(n: number): Float64Array {
    if (this.buf.length < n) this.buf = new Float64Array(Math.max(n, this.buf.length * 2))
    return this.buf
  }
}

function stats(
  values: Float64Array,
  n: number,
  sum: number,
  min: number,
  max: number,
): DurationStats {
  if (n === 0) return { count: 0, mean: null, median: null, p90: null }
  const [median, p90] = quantilesOf(values, n, [0.5, 0.9], { min, max })
  return { count: n, mean: sum / n, median: median ?? null, p90: p90 ?? null }
}

/** Count, mean, median, p90 of one metric (calendar and business) over the listed rows. */
function durationOver(
  store: TicketStore,
  metric: number,
  rows: Int32Array,
  nRows: number,
  scratch: Scratch,
): DurationKpi {
  const cal = store.minutes[metric * 2] as Float32Array
  const bus = store.minutes[metric * 2 + 1] as Float32Array
  const values = scratch.get(nRows)
  let n = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < nRows; i++) {
    const v = cal[rows[i] as number] as number
    if (v === v) {
      values[n++] = v
      sum += v
      if (v < min) min = v
      if (v > max) max = v
    }
  }
  const pending = nRows - n
  const calendar = stats(values, n, sum, min, max)
  n = 0
  sum = 0
  min = Infinity
  max = -Infinity
  for (let i = 0; i < nRows; i++) {
    const v = bus[rows[i] as number] as number
    if (v === v) {
      values[n++] = v
      sum += v
      if (v < min) min = v
      if (v > max) max = v
    }
  }
  return { ...calendar, pending, business: stats(values, n, sum, min, max) }
}

/** Per-member medians of one metric over solved rows grouped by member (counting sort). */
function memberMedians(
  column: Float32Array,
  members: Uint32Array,
  rows: Int32Array,
  nRows: number,
  nMembers: number,
  scratch: Scratch,
): (number | null)[] {
  const counts = new Int32Array(nMembers + 1)
  for (let i = 0; i < nRows; i++) {
    const r = rows[i] as number
    if ((column[r] as number) === (column[r] as number)) inc(counts, (members[r] as number) + 1)
  }
  for (let m = 0; m < nMembers; m++)
    counts[m + 1] = (counts[m + 1] as number) + (counts[m] as number)
  const total = counts[nMembers] as number
  const values = scratch.get(total)
  const fill = counts.slice(0, nMembers)
  for (let i = 0; i < nRows; i++) {
    const r = rows[i] as number
    const v = column[r] as number
    if (v === v) {
      const m = members[r] as number
      values[fill[m] as number] = v
      fill[m] = (fill[m] as number) + 1
    }
  }
  const out: (number | null)[] = []
  for (let m = 0; m < nMembers; m++) {
    const start = counts[m] as number
    const n = (counts[m + 1] as number) - start
    out.push(n === 0 ? null : (quantilesOf(values.subarray(start, start + n), n, [0.5])[0] ?? null))
  }
  return out
}

function team(
  store: TicketStore,
  dict: IdDictionary,
  members: Uint32Array,
  rows: Int32Array,
  nRows: number,
  scratch: Scratch,
): TeamMemberKpis[] {
  const size = dict.size
  const solved = new Int32Array(size)
  const oneTouch = new Int32Array(size)
  const good = new Int32Array(size)
  const bad = new Int32Array(size)
  for (let i = 0; i < nRows; i++) {
    const r = rows[i] as number
    const m = members[r] as number
    inc(solved, m)
    if (isOneTouch(store.replies[r] as number)) inc(oneTouch, m)
    const c = store.csat[r] as number
    if (c === GOOD) inc(good, m)
    else if (c === BAD) inc(bad, m)
  }
  const fr = memberMedians(store.minutes[0] as Float32Array, members, rows, nRows, size, scratch)
  const full = memberMedians(store.minutes[4] as Float32Array, members, rows, nRows, size, scratch)
  const out: TeamMemberKpis[] = []
  for (let m = 0; m < size; m++) {
    const s = solved[m] as number
    if (s === 0) continue
    const g = good[m] as number
    const b = bad[m] as number
    out.push({
      id: dict.ids[m] ?? null,
      solved: s,
      firstReplyMinutesMedian: fr[m] ?? null,
      fullResolutionMinutesMedian: full[m] ?? null,
      oneTouchRate: ratio(oneTouch[m] as number, s),
      csatScore: ratio(g, g + b),
    })
  }
  return out.sort((a, b) => b.solved - a.solved || (a.id ?? -1) - (b.id ?? -1))
}

/**
 * Every KPI of one period except SLA, by column scans over the store. `include(row)` restricts
 * the tickets (segments); deleted tickets are always left out.
 */
export function scanPeriod(
  store: TicketStore,
  bounds: PeriodBounds,
  table: OffsetTable,
  include?: (row: number) => boolean,
): Omit<PeriodReport, 'sla'> {
  const { fromMs, toMs, fromDay, toDay } = bounds
  const n = store.length
  const created = new Int32Array(n)
  const solvedRows = new Int32Array(n)
  let nCreated = 0
  let nSolved = 0
  let unsolvedAtEnd = 0
  let oneTouch = 0
  let reopened = 0
  let reassigned = 0
  let good = 0
  let bad = 0
  let offeredOnly = 0
  const byChannel = new Int32Array(N_CHANNELS)
  const byDay = new Int32Array(Math.max(0, toDay - fromDay))
  const heat = new Int32Array(7 * 24)
  const buckets = new Int32Array(N_CHANNELS * N_BUCKETS)
  const { status, createdAt, solvedAt, channel, replies, reopens, stations, csat } = store
  const firstReply = store.minutes[0] as Float32Array
  for (let row = 0; row < n; row++) {
    const st = status[row] as number
    if (st === DELETED) continue
    if (include !== undefined && !include(row)) continue
    const c = createdAt[row] as number
    const isSolved = st === SOLVED || st === CLOSED
    const s = solvedAt[row] as number
    if (c < toMs && !(isSolved && s < toMs)) unsolvedAtEnd++
    if (c >= fromMs && c < toMs) {
      created[nCreated++] = row
      const ch = channel[row] as number
      inc(byChannel, ch)
      const local = table.localTime(c)
      const day = Math.floor(local / DAY_MS)
      inc(byDay, day - fromDay)
      const weekday = (((day + 3) % 7) + 7) % 7
      inc(heat, weekday * 24 + Math.floor((local - day * DAY_MS) / HOUR_MS))
      const fr = firstReply[row] as number
      if (fr === fr) inc(buckets, ch * N_BUCKETS + firstReplyBucketIndex(fr))
    }
    if (isSolved && s >= fromMs && s < toMs) {
      solvedRows[nSolved++] = row
      if (isOneTouch(replies[row] as number)) oneTouch++
      if (isReopened(reopens[row] as number)) reopened++
      if (isReassigned(stations[row] as number)) reassigned++
      const cs = csat[row] as number
      if (cs === GOOD) good++
      else if (cs === BAD) bad++
      else if (cs === OFFERED) offeredOnly++
    }
  }
  const scratch = new Scratch()
  const byChannelOut: Partial<Record<Channel, number>> = {}
  const bucketsOut: Partial<Record<Channel, Record<FirstReplyBucket, number>>> = {}
  CHANNELS.forEach((ch, i) => {
    const count = byChannel[i] as number
    if (count > 0) byChannelOut[ch] = count
    const counts = buckets.subarray(i * N_BUCKETS, (i + 1) * N_BUCKETS)
    if (counts.some((v) => v > 0)) bucketsOut[ch] = labelBuckets(counts)
  })
  const byDayOut: Record<string, number> = {}
  for (let d = fromDay; d < toDay; d++) byDayOut[formatDay(d)] = byDay[d - fromDay] as number
  return {
    period: { from: formatDay(fromDay), to: formatDay(toDay), timezone: bounds.timeZone },
    tickets: {
      created: nCreated,
      solved: nSolved,
      unsolvedAtEnd,
      byChannel: byChannelOut,
      byDay: byDayOut,
      byWeekdayHour: Array.from({ length: 7 }, (_, w) =>
        Array.from(heat.subarray(w * 24, w * 24 + 24)),
      ),
    },
    firstReplyMinutes: durationOver(store, 0, created, nCreated, scratch),
    firstResolutionMinutes: durationOver(store, 1, solvedRows, nSolved, scratch),
    fullResolutionMinutes: durationOver(store, 2, solvedRows, nSolved, scratch),
    requesterWaitMinutes: durationOver(store, 3, solvedRows, nSolved, scratch),
    agentWaitMinutes: durationOver(store, 4, solvedRows, nSolved, scratch),
    onHoldMinutes: durationOver(store, 5, solvedRows, nSolved, scratch),
    oneTouch: rateKpi(oneTouch, nSolved),
    reopened: rateKpi(reopened, nSolved),
    reassigned: rateKpi(reassigned, nSolved),
    csat: csatKpi(good, bad, offeredOnly),
    firstReplyBuckets: bucketsOut,
    agents: team(store, store.agents, store.assignee, solvedRows, nSolved, scratch),
    groups: team(store, store.groups, store.group, solvedRows, nSolved, scratch),
  }
}
