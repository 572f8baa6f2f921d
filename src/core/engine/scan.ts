// One-off reports by column scans. One pass over the rows picks, for the period, its previous
// period and each segment of the period, the tickets created and solved in it and counts its
// backlog; then every KPI is computed over those row lists, from the definitions in kpis.ts (the
// live accumulator reads the same ones; the property tests hold the two equal).

import { quantilesOf } from '../_lib/quantile'
import type { OffsetTable } from '../_lib/zonedTime'
import { DURATION_METRICS } from '../types'
import type {
  DurationKpi,
  DurationMetric,
  DurationStats,
  PeriodReport,
  TeamMemberKpis,
} from '../types'
import { ratio } from '../kpi/rate'
import { assemble } from './assemble'
import { ALL_TALLIES, DURATION_BASE, METRIC_INDEX, RATE_DEFINITIONS, TALLIES_OF } from './kpis'
import type { KpiBase, PeriodBounds, TallyContext, TallyName } from './kpis'
import { CLOSED, CSAT_CODE, DELETED, SOLVED } from './store'
import type { IdDictionary, TicketStore } from './store'

function inc(a: Int32Array, i: number): void {
  a[i] = (a[i] as number) + 1
}

/** Reusable scratch buffers for gathered values and counter indexes. */
class Scratch {
  buf = new Float64Array(1024)
  binBuf = new Int32Array(1024)
  get(n: number): Float64Array {
    if (this.buf.length < n) this.buf = new Float64Array(Math.max(n, this.buf.length * 2))
    return this.buf
  }
  bins(n: number): Int32Array {
    if (this.binBuf.length < n) this.binBuf = new Int32Array(Math.max(n, this.binBuf.length * 2))
    return this.binBuf
  }
}

/** The tickets of one period (or one segment of it) as row lists, and its backlog count. */
interface PeriodRows {
  created: Int32Array
  solved: Int32Array
  unsolvedAtEnd: number
}

/** Count, mean, median, p90 of one minutes column over the listed rows (null values left out). */
function statsOver(column: Float32Array, rows: Int32Array, scratch: Scratch): DurationStats {
  const n0 = rows.length
  const values = scratch.get(n0)
  let n = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < n0; i++) {
    const v = column[rows[i] as number] as number
    if (v === v) {
      values[n++] = v
      sum += v
      if (v < min) min = v
      if (v > max) max = v
    }
  }
  if (n === 0) return { count: 0, mean: null, median: null, p90: null }
  const [median, p90] = quantilesOf(values, n, [0.5, 0.9], { min, max })
  return { count: n, mean: sum / n, median: median ?? null, p90: p90 ?? null }
}

/** Calendar and business statistics of one metric over the listed rows; `pending` = null calendar. */
function durationOver(
  store: TicketStore,
  metric: number,
  rows: Int32Array,
  scratch: Scratch,
): DurationKpi {
  const calendar = statsOver(store.minutes[metric * 2] as Float32Array, rows, scratch)
  const business = statsOver(store.minutes[metric * 2 + 1] as Float32Array, rows, scratch)
  return { ...calendar, pending: rows.length - calendar.count, business }
}

/** Per-member medians of one metric over solved rows grouped by member (counting sort). */
function memberMedians(
  column: Float32Array,
  members: Uint32Array,
  rows: Int32Array,
  nMembers: number,
  scratch: Scratch,
): (number | null)[] {
  const counts = new Int32Array(nMembers + 1)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number
    if ((column[r] as number) === (column[r] as number)) inc(counts, (members[r] as number) + 1)
  }
  for (let m = 0; m < nMembers; m++)
    counts[m + 1] = (counts[m + 1] as number) + (counts[m] as number)
  const values = scratch.get(counts[nMembers] as number)
  const fill = counts.slice(0, nMembers)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number
    const v = column[r] as number
    if (v === v) {
      const m = members[r] as number
      values[fill[m] as number] = v
      inc(fill, m)
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

/** Solved count, first reply and full resolution medians, one-touch and CSAT rates per member. */
function team(
  store: TicketStore,
  dict: IdDictionary,
  members: Uint32Array,
  rows: Int32Array,
  scratch: Scratch,
  at: TallyContext,
): TeamMemberKpis[] {
  const size = dict.size
  const solved = new Int32Array(size)
  const oneTouch = new Int32Array(size)
  const good = new Int32Array(size)
  const bad = new Int32Array(size)
  const GOOD = CSAT_CODE.good
  const BAD = CSAT_CODE.bad
  // the one-touch rule's bin of each row: 0 when it holds
  const touch = scratch.bins(rows.length)
  RATE_DEFINITIONS.oneTouch.bins(store, rows, at, touch)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number
    const m = members[r] as number
    inc(solved, m)
    if (touch[i] === 0) inc(oneTouch, m)
    const c = store.csat[r] as number
    if (c === GOOD) inc(good, m)
    else if (c === BAD) inc(bad, m)
  }
  const first = METRIC_INDEX.firstReply * 2
  const full = METRIC_INDEX.fullResolution * 2
  const fr = memberMedians(store.minutes[first] as Float32Array, members, rows, size, scratch)
  const fu = memberMedians(store.minutes[full] as Float32Array, members, rows, size, scratch)
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
      fullResolutionMinutesMedian: fu[m] ?? null,
      oneTouchRate: ratio(oneTouch[m] as number, s),
      csatScore: ratio(g, g + b),
    })
  }
  return out.sort((a, b) => b.solved - a.solved || (a.id ?? -1) - (b.id ?? -1))
}

/** Every KPI of one period except SLA, from its row lists. */
function periodReport(
  store: TicketStore,
  bounds: PeriodBounds,
  table: OffsetTable,
  rows: PeriodRows,
  scratch: Scratch,
): Omit<PeriodReport, 'sla'> {
  const at: TallyContext = { bounds, table }
  const counts = {} as Record<TallyName, Int32Array>
  for (const base of ['created', 'solved'] as const) {
    const list = rows[base]
    const bins = scratch.bins(list.length)
    for (const name of TALLIES_OF[base]) {
      const def = ALL_TALLIES[name]
      const c = new Int32Array(def.size(bounds))
      def.bins(store, list, at, bins)
      for (let i = 0; i < list.length; i++) {
        const b = bins[i] as number
        if (b >= 0) c[b] = (c[b] as number) + 1
      }
      counts[name] = c
    }
  }
  const durations = {} as Record<DurationMetric, DurationKpi>
  for (const m of DURATION_METRICS) {
    durations[m] = durationOver(
      store,
      METRIC_INDEX[m],
      rows[DURATION_BASE[m] satisfies KpiBase],
      scratch,
    )
  }
  return assemble({
    bounds,
    created: rows.created.length,
    solved: rows.solved.length,
    unsolvedAtEnd: rows.unsolvedAtEnd,
    counts,
    durations,
    agents: team(store, store.agents, store.assignee, rows.solved, scratch, at),
    groups: team(store, store.groups, store.group, rows.solved, scratch, at),
  })
}

/** Groups `rows` by segment (a stable counting sort), one list per segment code. */
function splitBySegment(
  rows: Int32Array,
  codeOf: (row: number) => number,
  nSegments: number,
): Int32Array[] {
  const codes = new Int32Array(rows.length)
  const starts = new Int32Array(nSegments + 1)
  for (let i = 0; i < rows.length; i++) {
    const c = codeOf(rows[i] as number)
    codes[i] = c
    inc(starts, c + 1)
  }
  for (let s = 0; s < nSegments; s++)
    starts[s + 1] = (starts[s + 1] as number) + (starts[s] as number)
  const sorted = new Int32Array(rows.length)
  const fill = starts.slice(0, nSegments)
  for (let i = 0; i < rows.length; i++) {
    const c = codes[i] as number
    sorted[fill[c] as number] = rows[i] as number
    inc(fill, c)
  }
  return Array.from({ length: nSegments }, (_, s) =>
    sorted.subarray(starts[s] as number, starts[s + 1] as number),
  )
}

/** How to split the period: the segment names and each row's segment (an index into them). */
export interface ScanSegments {
  names: readonly string[]
  of: (row: number) => number
}

export interface ScanResult {
  current: Omit<PeriodReport, 'sla'>
  previous: Omit<PeriodReport, 'sla'>
  /** Per segment name, the current period's tickets of that segment. */
  segments?: Record<string, Omit<PeriodReport, 'sla'>>
}

/**
 * Every KPI of the period, of its previous period and of each segment of the period (SLA aside),
 * in one pass over the rows. Deleted tickets are always left out.
 */
export function scanReport(
  store: TicketStore,
  current: PeriodBounds,
  previous: PeriodBounds,
  table: OffsetTable,
  segments?: ScanSegments,
): ScanResult {
  const n = store.length
  // module bindings read through a local: in the CommonJS build every import is a getter call
  const deleted = DELETED
  const solvedCode = SOLVED
  const closedCode = CLOSED
  const { status, createdAt, solvedAt } = store
  const cFrom = current.fromMs
  const cTo = current.toMs
  const pFrom = previous.fromMs
  const pTo = previous.toMs
  const cCreated = new Int32Array(n)
  const cSolved = new Int32Array(n)
  const pCreated = new Int32Array(n)
  const pSolved = new Int32Array(n)
  let nc = 0
  let ns = 0
  let npc = 0
  let nps = 0
  let cBacklog = 0
  let pBacklog = 0
  const nSegments = segments?.names.length ?? 0
  const segmentBacklog = new Int32Array(nSegments)
  for (let row = 0; row < n; row++) {
    const st = status[row] as number
    if (st === deleted) continue
    const c = createdAt[row] as number
    const isSolved = st === solvedCode || st === closedCode
    const s = solvedAt[row] as number
    if (c < cTo && !(isSolved && s < cTo)) {
      cBacklog++
      if (segments !== undefined) inc(segmentBacklog, segments.of(row))
    }
    if (c < pTo && !(isSolved && s < pTo)) pBacklog++
    if (c >= cFrom && c < cTo) cCreated[nc++] = row
    if (c >= pFrom && c < pTo) pCreated[npc++] = row
    if (isSolved) {
      if (s >= cFrom && s < cTo) cSolved[ns++] = row
      if (s >= pFrom && s < pTo) pSolved[nps++] = row
    }
  }
  const scratch = new Scratch()
  const now: PeriodRows = {
    created: cCreated.subarray(0, nc),
    solved: cSolved.subarray(0, ns),
    unsolvedAtEnd: cBacklog,
  }
  const before: PeriodRows = {
    created: pCreated.subarray(0, npc),
    solved: pSolved.subarray(0, nps),
    unsolvedAtEnd: pBacklog,
  }
  const out: ScanResult = {
    current: periodReport(store, current, table, now, scratch),
    previous: periodReport(store, previous, table, before, scratch),
  }
  if (segments !== undefined) {
    const created = splitBySegment(now.created, segments.of, nSegments)
    const solved = splitBySegment(now.solved, segments.of, nSegments)
    out.segments = {}
    segments.names.forEach((name, i) => {
      const rows: PeriodRows = {
        created: created[i] as Int32Array,
        solved: solved[i] as Int32Array,
        unsolvedAtEnd: segmentBacklog[i] as number,
      }
      ;(out.segments as Record<string, Omit<PeriodReport, 'sla'>>)[name] = periodReport(
        store,
        current,
        table,
        rows,
        scratch,
      )
    })
  }
  return out
}
