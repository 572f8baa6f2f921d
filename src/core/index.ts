// The core's one public entry: application code imports `@/core` and nothing deeper.

export * from './types'
export { KpiEngine } from './engine/engine'

export { isSolvedStatus } from './kpi/solved'
export { isRecord } from './_lib/isRecord'
export { madeOnce } from './_lib/madeOnce'
export { DAY_MS, MINUTE_MS } from './_lib/time'

export {
  formatDay,
  isValidTimeZone,
  localMidnight,
  offsetMinutesAt,
  parseDay,
} from './_lib/zonedTime'

// The customer value model (retention value, VIP tier, priority score, retention analytics).
export * from './customer'
// SLA warnings before a VIP ticket breaches (the background's rule).
export * from './sla'
export type { DrillKpi, Figure, FigureSelector } from './view/figure'
export { DRILL_KPIS } from './view/figure'

// View models: what the views and the commands show, computed once.
export { scoreRequesterTicket } from './view/scoreRequesterTicket'
export type { RequesterTicketScore, ScoreFactorView } from './view/scoreRequesterTicket'
export { TIER_MODES, valueModelSettings } from './view/valueModelSettings'
export type { ValueModelSettingsSource } from './view/valueModelSettings'
export { kpiCards } from './view/kpiCards'
export type { KpiCard, KpiCardKey, KpiUnit, KpiVerdict } from './view/kpiCards'
export { csvRows } from './view/csvRows'

export { accountBaselineOf } from './view/accountBaselineOf'

export { BASELINE_SCHEMA_VERSION, baselineRecord } from './view/baselineRecord'
export type { BaselineRecord } from './view/baselineRecord'
export { parseBaselineRecord } from './view/parseBaselineRecord'
export type { BaselineRecordErrorCode } from './view/parseBaselineRecord'
export { rangeEnd } from './view/rangeEnd'
export { tierSegments } from './view/tierSegments'
export type { TierSegments } from './view/tierSegments'
export { retentionForRange } from './view/retentionForRange'
export type { RetentionRangeReport } from './view/retentionForRange'
export { retentionIndex } from './customer/analytics/retentionIndex'
export type { RetentionIndex } from './customer/analytics/retentionIndex'

export { drillDownIds } from './view/drillDownIds'
export type { DrillDownTicket } from './view/drillDownIds'
