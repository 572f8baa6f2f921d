// The tickets behind one figure of a period report, picked by the same rules as scanPeriod (keep
// the two in step: a figure's count must equal the number of tickets its drill-down lists).

import { firstReplyBucketIndex } from '../kpi/firstReplyBucket'
import { isOneTouch } from '../kpi/oneTouch'
import { isReassigned } from '../kpi/reassigned'
import { isReopened } from '../kpi/reopened'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../_lib/time'
import { parseDay } from '../_lib/zonedTime'
import type { OffsetTable } from '../_lib/zonedTime'
import { CHANNELS, FIRST_REPLY_BUCKETS } from '../types'
import type { DrillKpi, FigureSelector } from '../view/figure'
import type { PeriodBounds } from './accumulator'
import { CLOSED, CSAT_CODE, DELETED, SOLVED } from './store'
import type { TicketStore } from './store'

/** A ticket behind a figure and its own value for the figure (minutes, a count …), or null. */
export interface DrillRow {
  id: number
  value: number | null
}

const GOOD = CSAT_CODE.good
const BAD = CSAT_CODE.bad
/** Calendar column of each duration KPI in `TicketStore.minutes`. */
const DURATION_COLUMN = {
  firstResolutionMinutes: 2,
  fullResolutionMinutes: 4,
  requesterWaitMinutes: 6,
  agentWaitMinutes: 8,
  onHoldMinutes: 10,
} as const

/** Which rows a selector reads: created in the period, solved in it, or unsolved at its end. */
type Base = 'created' | 'solved' | 'backlog'

interface Picker {
  base: Base
  /** The row's value when the row is behind the figure, else undefined. */
  pick: (row: number) => number | null | undefined
}

const always = (): null => null

function kpiPicker(store: TicketStore, bounds: PeriodBounds, kpi: DrillKpi): Picker {
  const { replies, reopens, stations, csat, createdAt } = store
  const present = (col: Float32Array) => (row: number) => {
    const v = col[row] as number
    return v === v ? v : undefined
  }
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
      return {
        base: 'solved',
        pick: (row) => (isReopened(reopens[row] as number) ? reopens[row] : undefined),
      }
    case 'oneTouch':
      return {
        base: 'solved',
        pick: (row) => (isOneTouch(replies[row] as number) ? replies[row] : undefined),
      }
    case 'reassigned':
      return {
        base: 'solved',
        pick: (row) => (isReassigned(stations[row] as number) ? stations[row] : undefined),
      }
    case 'csat':
      // rated tickets (the score's base): 1 good, 0 bad
      return {
        base: 'solved',
        pick: (row) => (csat[row] === GOOD ? 1 : csat[row] === BAD ? 0 : undefined),
      }
    case 'firstReplyMinutes':
      return { base: 'created', pick: present(store.minutes[0] as Float32Array) }
    case 'firstResolutionMinutes':
    case 'fullResolutionMinutes':
    case 'requesterWaitMinutes':
    case 'agentWaitMinutes':
    case 'onHoldMinutes':
      return {
        base: 'solved',
        pick: present(store.minutes[DURATION_COLUMN[kpi]] as Float32Array),
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
  const { channel, createdAt } = store
  switch (select.kind) {
    case 'kpi':
      return kpiPicker(store, bounds, select.kpi)
    case 'channel': {
      const code = CHANNELS.indexOf(select.channel)
      return { base: 'created', pick: (row) => (channel[row] === code ? null : undefined) }
    }
    case 'day': {
      const day = parseDay(select.day)
      return {
        base: 'created',
        pick: (row) =>
          Math.floor(table.localTime(createdAt[row] as number) / DAY_MS) === day ? null : undefined,
      }
    }
    case 'weekdayHour': {
      const { weekday, hour } = select
      return {
        base: 'created',
        pick: (row) => {
          const local = table.localTime(createdAt[row] as number)
          const day = Math.floor(local / DAY_MS)
          const w = (((day + 3) % 7) + 7) % 7
          const h = Math.floor((local - day * DAY_MS) / HOUR_MS)
          return w === weekday && h === hour ? null : undefined
        },
      }
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
      const fr = store.minutes[0] as Float32Array
      return {
        base: 'created',
        pick: (row) => {
          const v = fr[row] as number
          return channel[row] === code && v === v && firstReplyBucketIndex(v) === bucket
            ? v
            : undefined
        },
      }
    }
    case 'resolutionBucket': {
      const full = store.minutes[4] as Float32Array
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
  const { fromMs, toMs } = bounds
  const { base, pick } = pickerOf(store, bounds, table, select)
  const { status, createdAt, solvedAt, id } = store
  const out: DrillRow[] = []
  for (let row = 0; row < store.length; row++) {
    const st = status[row] as number
    if (st === DELETED) continue
    if (include !== undefined && !include(row)) continue
    const c = createdAt[row] as number
    const isSolved = st === SOLVED || st === CLOSED
    const s = solvedAt[row] as number
    const inBase =
      base === 'created'
        ? c >= fromMs && c < toMs
        : base === 'solved'
          ? isSolved && s >= fromMs && s < toMs
          : c < toMs && !(isSolved && s < toMs)
    if (!inBase) continue
    const value = pick(row)
    if (value !== undefined) out.push({ id: id[row] as number, value })
  }
  return out
}
