// One definition per counted KPI: which tickets it reads (created or solved in the period) and which
// counter a ticket adds to. The one-off scan (scan.ts), the live accumulator (accumulator.ts) and
// the drill-down (drill.ts) all read these, so a KPI is defined once and the three agree.

import { firstReplyBucketIndex } from '../kpi/firstReplyBucket'
import { isOneTouch } from '../kpi/oneTouch'
import { isReassigned } from '../kpi/reassigned'
import { isReopened } from '../kpi/reopened'
import { resolutionBucketIndex } from '../kpi/resolutionBucket'
import { DAY_MS, HOUR_MS } from '../_lib/time'
import type { OffsetTable } from '../_lib/zonedTime'
import { CHANNELS, DURATION_METRICS, FIRST_REPLY_BUCKETS, RESOLUTION_TIME_BUCKETS } from '../types'
import type { DurationMetric, RateKpiName } from '../types'
import {
  CLOSED as CLOSED_CODE,
  CSAT_CODE,
  DELETED as DELETED_CODE,
  SOLVED as SOLVED_CODE,
} from './store'
import type { TicketStore } from './store'

const N_BUCKETS = FIRST_REPLY_BUCKETS.length
// imports read once into module constants: the CommonJS build (node, jest) turns every imported
// binding into a getter call, which the per-row functions below would pay on every ticket
const DAY = DAY_MS
const HOUR = HOUR_MS
const DELETED = DELETED_CODE
const SOLVED = SOLVED_CODE
const CLOSED = CLOSED_CODE
const frBucket = firstReplyBucketIndex
const resolutionBucket = resolutionBucketIndex

/** The bounds of one period: instants `[fromMs, toMs)` and local days `[fromDay, toDay)`. */
export interface PeriodBounds {
  fromDay: number
  toDay: number
  fromMs: number
  toMs: number
  timeZone: string
}

/** Which tickets a KPI reads: those created in the period, or those solved in it. */
export type KpiBase = 'created' | 'solved'

/** Bits of `periodMembership`. */
export const CREATED = 1
export const SOLVED_IN = 2
export const BACKLOG = 4

/**
 * Which of a period's ticket sets the ticket at `row` is in, as bits: `CREATED` (created in
 * `[fromMs, toMs)`), `SOLVED_IN` (solved or closed, solved in it), `BACKLOG` (created before `toMs`
 * and not solved before it: unsolved at the end). 0 for a deleted ticket.
 *
 * @example
 * periodMembership(store, row, from, to) & SOLVED_IN //=> 2 when the ticket was solved in the period
 */
export function periodMembership(
  store: TicketStore,
  row: number,
  fromMs: number,
  toMs: number,
): number {
  const st = store.status[row] as number
  if (st === DELETED) return 0
  const c = store.createdAt[row] as number
  const isSolved = st === SOLVED || st === CLOSED
  const s = store.solvedAt[row] as number
  let bits = 0
  if (c >= fromMs && c < toMs) bits |= CREATED
  if (isSolved && s >= fromMs && s < toMs) bits |= SOLVED_IN
  if (c < toMs && !(isSolved && s < toMs)) bits |= BACKLOG
  return bits
}

/** What a counter's bin may depend on besides the row: the period and its time zone. */
export interface TallyContext {
  bounds: PeriodBounds
  table: OffsetTable
}

/** A KPI made of counters: each ticket of its base adds one to at most one counter. */
export interface TallyDefinition {
  base: KpiBase
  /** How many counters (one per day of the period for `byDay`). */
  size: (bounds: PeriodBounds) => number
  /**
   * For each of `rows`, the counter it adds one to (-1 for none), written to `out`. A loop over
   * many rows per call, so a report does one call per KPI, not one per ticket.
   */
  bins: (store: TicketStore, rows: Int32Array, at: TallyContext, out: Int32Array) => void
}

/** A rate KPI: one counter over solved tickets, and the ticket's own value for its drill-down. */
export interface RateDefinition extends TallyDefinition {
  /** Whether the solved ticket at `row` counts (its bin is 0 then, else -1). */
  holds: (store: TicketStore, row: number) => boolean
  /** The stored count the rule reads (replies, reopens, stations), shown beside the ticket. */
  value: (store: TicketStore, row: number) => number
}

const GOOD = CSAT_CODE.good
const BAD = CSAT_CODE.bad
const OFFERED = CSAT_CODE.offered
const one = (): number => 1

/** A rate over solved tickets from a rule on one stored count (-1 stands for null and fails). */
function rateOf(column: 'replies' | 'reopens' | 'stations', rule: (n: number) => boolean) {
  return {
    base: 'solved',
    size: one,
    bins: (store: TicketStore, rows: Int32Array, _at: TallyContext, out: Int32Array) => {
      const counts = store[column]
      for (let i = 0; i < rows.length; i++)
        out[i] = rule(counts[rows[i] as number] as number) ? 0 : -1
    },
    holds: (store: TicketStore, row: number) => rule(store[column][row] as number),
    value: (store: TicketStore, row: number) => store[column][row] as number,
  } satisfies RateDefinition
}

/** The rate KPIs (`RATE_KPIS`): a new name there needs its rule here, or the build fails. */
export const RATE_DEFINITIONS: Readonly<Record<RateKpiName, RateDefinition>> = {
  oneTouch: rateOf('replies', isOneTouch),
  reopened: rateOf('reopens', isReopened),
  reassigned: rateOf('stations', isReassigned),
}

/** The counted KPIs besides the rates; `assemble` shapes each into the report. */
export const TALLY_DEFINITIONS = {
  /** Created tickets per channel (`tickets.byChannel`). */
  byChannel: {
    base: 'created',
    size: () => CHANNELS.length,
    bins: (store, rows, _at, out) => {
      const channel = store.channel
      for (let i = 0; i < rows.length; i++) out[i] = channel[rows[i] as number] as number
    },
  },
  /** Created tickets per local day of the period (`tickets.byDay`). */
  byDay: {
    base: 'created',
    size: (b) => Math.max(0, b.toDay - b.fromDay),
    bins: (store, rows, { bounds, table }, out) => {
      const created = store.createdAt
      for (let i = 0; i < rows.length; i++) {
        const local = table.localTime(created[rows[i] as number] as number)
        out[i] = Math.floor(local / DAY) - bounds.fromDay
      }
    },
  },
  /** Created tickets per weekday × hour, Monday first (`tickets.byWeekdayHour`). */
  byWeekdayHour: {
    base: 'created',
    size: () => 7 * 24,
    bins: (store, rows, { table }, out) => {
      const created = store.createdAt
      for (let i = 0; i < rows.length; i++) {
        const local = table.localTime(created[rows[i] as number] as number)
        const day = Math.floor(local / DAY)
        const weekday = (((day + 3) % 7) + 7) % 7 // 1970-01-01 was a Thursday
        out[i] = weekday * 24 + Math.floor((local - day * DAY) / HOUR)
      }
    },
  },
  /** Created tickets with a first reply, per channel × first-reply bucket (`firstReplyBuckets`). */
  firstReplyBuckets: {
    base: 'created',
    size: () => CHANNELS.length * N_BUCKETS,
    bins: (store, rows, _at, out) => {
      const firstReply = store.minutes[METRIC_INDEX.firstReply * 2] as Float32Array
      const channel = store.channel
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as number
        const v = firstReply[row] as number
        out[i] = v === v ? (channel[row] as number) * N_BUCKETS + frBucket(v) : -1
      }
    },
  },
  /** Solved tickets per full resolution band (`fullResolutionMinutes.buckets`). */
  resolutionBuckets: {
    base: 'solved',
    size: () => RESOLUTION_TIME_BUCKETS.length,
    bins: (store, rows, _at, out) => {
      const full = store.minutes[METRIC_INDEX.fullResolution * 2] as Float32Array
      for (let i = 0; i < rows.length; i++)
        out[i] = resolutionBucket(full[rows[i] as number] as number)
    },
  },
  /** Solved tickets rated good (0), bad (1), or offered a survey not answered (2) (`csat`). */
  csat: {
    base: 'solved',
    size: () => 3,
    bins: (store, rows, _at, out) => {
      const csat = store.csat
      for (let i = 0; i < rows.length; i++) {
        const c = csat[rows[i] as number] as number
        out[i] = c === GOOD ? 0 : c === BAD ? 1 : c === OFFERED ? 2 : -1
      }
    },
  },
} satisfies Record<string, TallyDefinition>

const ONE_ROW = new Int32Array(1)
const ONE_BIN = new Int32Array(1)

/**
 * The counter one row adds to under `tally` (-1 for none): its bins of a one-row list.
 *
 * @example
 * binOf(TALLY_DEFINITIONS.byChannel, store, row, at) //=> 0 for an email ticket
 */
export function binOf(
  tally: TallyDefinition,
  store: TicketStore,
  row: number,
  at: TallyContext,
): number {
  ONE_ROW[0] = row
  tally.bins(store, ONE_ROW, at, ONE_BIN)
  return ONE_BIN[0] as number
}

export type TallyName = keyof typeof TALLY_DEFINITIONS | RateKpiName

/** Every counted KPI by name, rates included. */
export const ALL_TALLIES: Readonly<Record<TallyName, TallyDefinition>> = {
  ...TALLY_DEFINITIONS,
  ...RATE_DEFINITIONS,
}

/** Names of the counted KPIs of each base, in a fixed order. */
export const TALLIES_OF: Readonly<Record<KpiBase, readonly TallyName[]>> = {
  created: (Object.keys(ALL_TALLIES) as TallyName[]).filter(
    (k) => ALL_TALLIES[k].base === 'created',
  ),
  solved: (Object.keys(ALL_TALLIES) as TallyName[]).filter((k) => ALL_TALLIES[k].base === 'solved'),
}

/**
 * Which tickets each duration metric is measured over: first reply on the tickets created in the
 * period, the others on the tickets solved in it (Explore's anchors, docs/metrics.md).
 */
export const DURATION_BASE: Readonly<Record<DurationMetric, KpiBase>> = {
  firstReply: 'created',
  firstResolution: 'solved',
  fullResolution: 'solved',
  requesterWait: 'solved',
  agentWait: 'solved',
  onHold: 'solved',
}

/** Index of each metric in `TicketStore.minutes` (calendar at 2 × index, business at +1). */
export const METRIC_INDEX: Readonly<Record<DurationMetric, number>> = Object.fromEntries(
  DURATION_METRICS.map((m, i) => [m, i]),
) as Record<DurationMetric, number>

/** The duration metrics measured over each base, as indexes into `DURATION_METRICS`. */
export const METRICS_OF: Readonly<Record<KpiBase, readonly number[]>> = {
  created: DURATION_METRICS.filter((m) => DURATION_BASE[m] === 'created').map(
    (m) => METRIC_INDEX[m],
  ),
  solved: DURATION_METRICS.filter((m) => DURATION_BASE[m] === 'solved').map((m) => METRIC_INDEX[m]),
}
