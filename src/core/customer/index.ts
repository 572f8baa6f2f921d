// The customer value model's public surface; re-exported by src/core/index.ts.

export * from './types'
export { accountBaseline, groupByRequester } from './accountBaseline'
export type { AccountBaseline } from './accountBaseline'
export { assessCustomer } from './assessCustomer'

export { churnRisk } from './churnRisk'

export { customerTier } from './customerTier'
export { customerValue, customerValueFromContacts } from './customerValue'

export { NEUTRAL_SUBSCORES, PRIORITY_REASONS, priorityScore, TIER_FLOORS } from './priorityScore'
export type { PriorityInputs } from './priorityScore'

export { contactsAsOf, requesterContacts } from './requesterContacts'
export type { RequesterContacts } from './requesterContacts'

export { scoreTicket } from './scoreTicket'
export type { ValueModelSettings } from './settings'

export type { SlaClockEvent } from './slaClock'

// RETENTION ANALYTICS
export { agentRetention } from './analytics/agentRetention'

export type { GroupRetention } from './analytics/cohortRetention'
export { customerSpans } from './analytics/customerSpans'
export type { CustomerSpan } from './analytics/customerSpans'
export { channelRiskFromRetention, retentionByChannel } from './analytics/retentionByChannel'
export { retentionByResolution } from './analytics/retentionByResolution'
export type { ResolutionBucket, RetentionByResolution } from './analytics/retentionByResolution'
export { retentionRates } from './analytics/retentionRate'

export { topCustomers } from './analytics/topCustomers'

export { retentionReport } from './analytics/retentionReport'
export type { RetentionReport } from './analytics/retentionReport'
