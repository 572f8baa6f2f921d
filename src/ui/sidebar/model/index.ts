// The sidebar's view models: plain functions from the data hooks' answers to what the view shows.

export { historySummary } from './historySummary'
export type { HistorySummary, HistoryTicket } from './historySummary'
export { requesterKind } from './requesterKind'
export type { RequesterKind } from './requesterKind'
export { slaCountdown } from './slaCountdown'
export type { SlaCountdown } from './slaCountdown'
export { topReasons } from './topReasons'
export { minutesAgo } from './dataAge'
export { slaWarningNotice } from './slaWarningNotice'
export type { SlaWarningNotice } from './slaWarningNotice'
