// The tickets behind one figure of a period report, picked by the report's own definitions
// (kpis.ts): a ticket is listed when it adds to the figure's counter, so a figure's count equals
// the number of tickets its drill-down lists.

import { MINUTE_MS } from '../_lib/time'
import { parseDay } from '../_lib/zonedTime'
import type { OffsetTable } from '../_lib/zonedTime'
import { CHANNELS, FIRST_REPLY_BUCKETS } from '../types'
import type { RateKpiName } from '../types'
import type { DrillKpi, FigureSelector } from '../view/figure'
import {
  BACKLOG,
  binOf,
  CREATED,
  DURATION_BASE,
  METRIC_INDEX,
  periodMembership,
  RATE_DEFINITIONS,
  SOLVED_IN,
  TALLY_DEFINITIONS,
} from './kpis'
import type { KpiBase, PeriodBounds, TallyContext, TallyDefinition } from './kpis'
import { CSAT_CODE } from './store'
import type { TicketStore } from './store'

/** A ticket behind a figure and its own value for the figure (minutes, a count …), or null. */
export interface DrillRow {
  id: number
  value: number | null
}

const GOOD = CSAT_CODE.good
const BAD = CSAT_CODE.bad
// read once: the CommonJS build (node, jest) turns each imported binding into a getter call
const membership = periodMembership
const binAt = binOf

/** Which rows a selector reads: created in the period, solved in it, or unsolved at its end. */
type Base = KpiBase | 'backlog'

interface Picker {
  base: Base
  /** The row's value when the row is behind the figure, else undefined. */
  pick: (row: number) => number | null | undefined
}

const always = (): null => null

/** A rate's tickets: those its rule holds for, each with the count the rule reads. */
function ratePicker(store: TicketStore, kpi: RateKpiName): Picker {
  const rate = RATE_DEFINITIONS[kpi]
  return {
    base: 'solved',
    pick: (row) => (rate.holds(store, row) ? rate.value(store, row) : undefined),
  }
}

/** The tickets of one counter of a counted KPI, each with `valueOf(row)` (default null). */
function counterPicker(
  store: TicketStore,
  at: TallyContext,
  tally: TallyDefinition,
  counter: number,
  valueOf: (row: number) => number | null = always,
): Picker {
  return {
    base: tally.base,
    pick: (row) => (binAt(tally, store, row, at) === counter ? valueOf(row) : undefined),
  }
}

function kpiPicker(store: TicketStore, bounds: PeriodBounds, kpi: DrillKpi): Picker {
  const { csat, createdAt } = store
  switch (kpi) {
    case 'created':
      return { base: 'created', pick: always }
    case 'solved':
      return { base: 'solved', pick: always }
    case 'unsolvedAtEnd':
      // the value is the ticket's age at the end of the period
      return {
        base: 'backlog',
        pick: (row) => Math.round((bounds.toMs - (createdAt[row] as number)) / MINUTE_MS),
      }
    case 'reopened':
    case 'oneTouch':
    case 'reassigned':
      return ratePicker(store, kpi)
    case 'csat':
      // rated tickets (the score's base): 1 good, 0 bad
      return {
        base: 'solved',
        pick: (row) => (csat[row] === GOOD ? 1 : csat[row] === BAD ? 0 : undefined),
      }
    case 'firstReplyMinutes':
    case 'firstResolutionMinutes':
    case 'fullResolutionMinutes':
    case 'requesterWaitMinutes':
    case 'agentWaitMinutes':
    case 'onHoldMinutes': {
      const metric = kpi.slice(0, -'Minutes'.length) as keyof typeof DURATION_BASE
      const column = store.minutes[METRIC_INDEX[metric] * 2] as Float32Array
      return {
        base: DURATION_BASE[metric],
        pick: (row) => {
          const v = column[row] as number
          return v === v ? v : undefined
        },
      }
    }
    case 'sla':
      // SLA figures count targets, not rows: the engine reads them from its SlaStore
      throw new Error('drillScan: SLA figures come from SlaStore.forEachOutcome')
  }
}

function pickerOf(
  store: TicketStore,
  bounds: PeriodBounds,
  table: OffsetTable,
  select: FigureSelector,
): Picker {
  const at: TallyContext = { bounds, table }
  const t = TALLY_DEFINITIONS
  switch (select.kind) {
    case 'kpi':
      return kpiPicker(store, bounds, select.kpi)
    case 'channel':
      return counterPicker(store, at, t.byChannel, CHANNELS.indexOf(select.channel))
    case 'day': {
      const day = parseDay(select.day)
      return counterPicker(store, at, t.byDay, day === null ? -2 : day - bounds.fromDay)
    }
    case 'weekdayHour': {
      const { weekday, hour } = select
      const valid = weekday >= 0 && weekday < 7 && hour >= 0 && hour < 24
      return counterPicker(store, at, t.byWeekdayHour, valid ? weekday * 24 + hour : -2)
    }
    case 'agent':
    case 'group': {
      const dict = select.kind === 'agent' ? store.agents : store.groups
      const codes = select.kind === 'agent' ? store.assignee : store.group
      const want = select.kind === 'agent' ? select.agentId : select.groupId
      return {
        base: 'solved',
        pick: (row) => ((dict.ids[codes[row] as number] ?? null) === want ? null : undefined),
      }
    }
    case 'firstReplyBucket': {
      const code = CHANNELS.indexOf(select.channel)
      const bucket = FIRST_REPLY_BUCKETS.indexOf(select.bucket)
      const fr = store.minutes[METRIC_INDEX.firstReply * 2] as Float32Array
      const counter = code < 0 || bucket < 0 ? -2 : code * FIRST_REPLY_BUCKETS.length + bucket
      return counterPicker(store, at, t.firstReplyBuckets, counter, (row) => fr[row] as number)
    }
    case 'resolutionBucket': {
      // any band, not only those of the report's distribution
      const full = store.minutes[METRIC_INDEX.fullResolution * 2] as Float32Array
      const { fromMinutes, toMinutes } = select
      return {
        base: 'solved',
        pick: (row) => {
          const v = full[row] as number
          return v === v && v >= fromMinutes && (toMinutes === null || v < toMinutes)
            ? v
            : undefined
        },
      }
    }
  }
}

/**
 * The rows behind a figure of the period `bounds`, in store order. `include(row)` restricts the
 * tickets (a tier segment); deleted tickets are always left out. SLA figures are not row-based:
 * see `SlaStore.forEachOutcome`.
 */
export function drillScan(
  store: TicketStore,
  bounds: PeriodBounds,
  table: OffsetTable,
  select: FigureSelector,
  include?: (row: number) => boolean,
): DrillRow[] {
  const { base, pick } = pickerOf(store, bounds, table, select)
  const want = base === 'created' ? CREATED : base === 'solved' ? SOLVED_IN : BACKLOG
  const id = store.id
  const out: DrillRow[] = []
  for (let row = 0; row < store.length; row++) {
    if ((membership(store, row, bounds.fromMs, bounds.toMs) & want) === 0) continue
    if (include !== undefined && !include(row)) continue
    const value = pick(row)
    if (value !== undefined) out.push({ id: id[row] as number, value })
  }
  return out
}
