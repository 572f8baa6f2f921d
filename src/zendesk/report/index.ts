export { DERIVED_MAX_AGE_MS, DRILL_LIMIT, accountReportSource } from './accountReportSource'
export type { AccountReportSourceOptions, SyncStatusInput } from './accountReportSource'
export { deniedReportSource } from './deniedSource'
export { REPORT_SOURCE_ERROR_CODES, ReportSourceError, reportErrorCode } from './errors'
export type { ReportSourceErrorCode } from './errors'
export { serveReportSource } from './host'
export { FOLLOWER_RELOAD_MS, staleReload } from './staleReload'
export type { StaleReload, StaleReloadOptions } from './staleReload'
export type { ServeOptions } from './host'
export { DEFAULT_TIMEOUT_MS, createReportSourceClient, findBackground } from './instanceClient'
export type { ReportSourceClient, ReportSourceClientOptions } from './instanceClient'
export {
  REPORT_PROTOCOL_VERSION,
  REQUEST_EVENT,
  RESPONSE_EVENT,
  callSchema,
  figureSchema,
  rangeSchema,
} from './protocol'
export type { ReportCall, ReportMethod } from './protocol'
export type {
  DrillTicket,
  NameLookup,
  ReportSource,
  ReportSourceStatus,
  RetentionReportData,
} from './types'
