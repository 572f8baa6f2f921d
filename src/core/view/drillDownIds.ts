// The tickets behind a figure of a team report, for drill-down lists and their CSV export.

import type { KpiEngine } from '../engine/engine'
import type { SegmentOptions } from '../types'
import type { Figure } from './figure'

export interface DrillDownOptions {
  /** The segments the figure's report was split by (needed for a figure with a `tier`). */
  segments?: SegmentOptions
  /** Keep at most this many tickets (`total` still counts all). Default: all. */
  limit?: number
}

export interface DrillDownTicket {
  id: number
  /** The ticket's own value for the figure (minutes, a count, 1/0 for CSAT and SLA), or null. */
  value: number | null
}

export interface DrillDownResult {
  /** How many tickets are behind the figure: the figure's count (SLA: targets). */
  total: number
  /** Largest value first (the longest waits, the oldest backlog), then by ticket id. */
  tickets: DrillDownTicket[]
}

/**
 * The ticket ids behind one figure of a report (a KPI, a channel, a day, a weekday × hour cell, an
 * agent, a group, a first-reply or resolution-time bucket, optionally within a tier), picked by
 * the same rules as the report, with each ticket's value for the figure. `total` equals the
 * figure's count in `engine.report(figure.range, { segments })`. An SLA figure counts targets, so
 * a ticket with several targets is listed once per target. Throws a RangeError for an invalid
 * range or a tier figure without `segments` (caller mistakes, as for `report`).
 *
 * @example
 * const figure = { range: { from: '2026-10-01', to: '2026-10-29' }, select: { kind: 'kpi', kpi: 'firstReplyMinutes' } }
 * drillDownIds(engine, figure, { limit: 2 })
 * //=> { total: 1874, tickets: [{ id: 9121, value: 4310 }, { id: 8877, value: 3975 }] }
 */
export function drillDownIds(
  engine: KpiEngine,
  figure: Figure,
  options: DrillDownOptions = {},
): DrillDownResult {
  const rows = engine.figureTickets(
    figure,
    options.segments === undefined ? {} : { segments: options.segments },
  )
  rows.sort((a, b) =>
    a.value === b.value
      ? a.id - b.id
      : a.value === null
        ? 1
        : b.value === null
          ? -1
          : b.value - a.value,
  )
  const limit = options.limit ?? rows.length
  return { total: rows.length, tickets: rows.slice(0, Math.max(0, limit)) }
}
