// A figure of a report that a view can drill into: the tickets behind it.

import type { Channel, FirstReplyBucket, ReportRange } from '../types'

/** KPI keys that have tickets behind them (the top-level keys of a period report). */
export const DRILL_KPIS = [
  'created',
  'solved',
  'unsolvedAtEnd',
  'reopened',
  'oneTouch',
  'reassigned',
  'firstReplyMinutes',
  'firstResolutionMinutes',
  'fullResolutionMinutes',
  'requesterWaitMinutes',
  'agentWaitMinutes',
  'onHoldMinutes',
  'csat',
  'sla',
] as const
export type DrillKpi = (typeof DRILL_KPIS)[number]

/** Which part of a report a figure comes from. */
export type FigureSelector =
  | { kind: 'kpi'; kpi: DrillKpi }
  | { kind: 'channel'; channel: Channel }
  | { kind: 'day'; day: string }
  | { kind: 'weekdayHour'; weekday: number; hour: number }
  | { kind: 'agent'; agentId: number | null }
  | { kind: 'group'; groupId: number | null }
  | { kind: 'firstReplyBucket'; channel: Channel; bucket: FirstReplyBucket }
  | { kind: 'resolutionBucket'; fromMinutes: number; toMinutes: number | null }

/**
 * One figure of a report: the selector, the range and period it was computed for and, for a tier
 * split, the tier (segment name) it belongs to.
 */
export interface Figure {
  range: ReportRange
  /** `previous` is the period of equal length before `range` (the delta's base). Default current. */
  period?: 'current' | 'previous'
  /** A VIP tier name when the figure belongs to the tier split (platinum, gold, silver, standard). */
  tier?: string
  select: FigureSelector
}
