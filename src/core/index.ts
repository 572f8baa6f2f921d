// The core's one public entry: application code imports `@/core` and nothing deeper.

export * from './types'
export { KpiEngine, UPSERT_OUTCOMES } from './engine/engine'
export type { KpiEngineOptions, LiveReport, UpsertOutcome } from './engine/engine'
export { csatKpi } from './kpi/csat'
export { durationStats } from './kpi/durationStats'
export { firstReplyBucketIndex, labelBuckets } from './kpi/firstReplyBucket'
export { isOneTouch } from './kpi/oneTouch'
export { previousPeriod } from './kpi/period'
export { rateKpi, ratio } from './kpi/rate'
export { isReassigned } from './kpi/reassigned'
export { isReopened } from './kpi/reopened'
export { SLA_OUTCOMES, slaOutcome, slaStats } from './kpi/slaAchievement'
export type { SlaOutcome, SlaTargetState } from './kpi/slaAchievement'
export { isSolvedStatus } from './kpi/solved'
export { medianAndP90, quantileBySort, quantileCont, quantilesOf } from './_lib/quantile'
export { SortedValues, ValueBuffer } from './_lib/valueSink'
export type { ValueSink } from './_lib/valueSink'
export {
  formatDay,
  isValidTimeZone,
  localMidnight,
  offsetMinutesAt,
  OffsetTable,
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
export type {
  ChurnSignalView,
  RequesterTicketScore,
  ScoreFactorView,
  ScoreFlag,
  ScoreRequesterTicketOptions,
} from './view/scoreRequesterTicket'
export { VALUE_MODEL_SETTING_NAMES, valueModelSettings } from './view/valueModelSettings'
export type { ValueModelSettingName, ValueModelSettingsSource } from './view/valueModelSettings'
export { KPI_CARD_KEYS, kpiCards } from './view/kpiCards'
export type {
  KpiCard,
  KpiCardKey,
  KpiPolarity,
  KpiSecondary,
  KpiUnit,
  KpiVerdict,
} from './view/kpiCards'
export { csvRows } from './view/csvRows'
export type { CsvCell } from './view/csvRows'
export { accountBaselineOf } from './view/accountBaselineOf'
export type { AccountBaselineOfOptions } from './view/accountBaselineOf'
export { BASELINE_SCHEMA_VERSION, baselineRecord } from './view/baselineRecord'
export type { BaselineRecord, BaselineRecordMeta } from './view/baselineRecord'
export { parseBaselineRecord } from './view/parseBaselineRecord'
export type {
  BaselineRecordError,
  BaselineRecordErrorCode,
  ParsedBaselineRecord,
} from './view/parseBaselineRecord'
export { rangeEnd } from './view/rangeEnd'
export { tierSegments } from './view/tierSegments'
export type { TierSegments, TierSegmentsOptions } from './view/tierSegments'
export { retentionForRange } from './view/retentionForRange'
export type { RetentionForRangeOptions, RetentionRangeReport } from './view/retentionForRange'
export type { DrillRow } from './engine/drill'
export { drillDownIds } from './view/drillDownIds'
export type { DrillDownOptions, DrillDownResult, DrillDownTicket } from './view/drillDownIds'
