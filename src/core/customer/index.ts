// The customer value model's public surface (issue 6); re-exported by src/core/index.ts.

export * from './types'
export { accountBaseline, groupByRequester } from './accountBaseline'
export type { AccountBaseline } from './accountBaseline'
export { assessCustomer } from './assessCustomer'
export type { CustomerAssessment } from './assessCustomer'
export {
  churnLevel,
  churnRisk,
  DEFAULT_CHURN_FIELDS,
  DEFAULT_CHURN_TAGS,
  DEFAULT_CHURN_WEIGHTS,
} from './churnRisk'
export type { ChurnContext, ChurnRiskOptions } from './churnRisk'
export { customerTier, customerTierName } from './customerTier'
export { customerValue, customerValueFromContacts, DEFAULT_VALUE_FIELDS } from './customerValue'
export type { CustomerValueOptions } from './customerValue'
export {
  ENGAGEMENT_WEIGHTS,
  engagementEstimate,
  engagementFromContacts,
} from './engagementEstimate'
export type { EngagementEstimateOptions } from './engagementEstimate'
export {
  DEFAULT_CURVES,
  DEFAULT_PRIORITY_WEIGHTS,
  NEUTRAL_SUBSCORES,
  normalisedWeights,
  PRIORITY_LEVEL_CUTOFFS,
  PRIORITY_REASONS,
  PRIORITY_SUBSCORES,
  priorityLevel,
  priorityScore,
  TIER_FLOORS,
} from './priorityScore'
export type { PriorityInputs, PriorityReason, PriorityScoreOptions } from './priorityScore'
export { rankTickets } from './rankTickets'
export { contactsAsOf, requesterContacts } from './requesterContacts'
export type { ContactSummary, RequesterContacts } from './requesterContacts'
export type { RankedTicket } from './rankTickets'
export { retentionValue } from './retentionValue'
export type { RetentionValue } from './retentionValue'
export { scoreTicket, ticketPriorityInputs } from './scoreTicket'
export type { ValueModelSettings } from './settings'
export { minutesToBreachFromEvents } from './slaClock'
export type { SlaClockEvent } from './slaClock'
export { DEFAULT_SLA_TARGETS, minutesToSlaBreach } from './slaTargets'
export type { SlaTargets } from './slaTargets'
export { TIER_PERCENTILES, tierThresholdsFromDistribution } from './tierThresholds'
export type { TierThresholdsOptions } from './tierThresholds'
export {
  DEFAULT_ESTIMATE_THRESHOLDS,
  DEFAULT_TIER_THRESHOLDS,
  TIER_TAGS,
  tierOf,
  vipTier,
  vipTierName,
} from './vipTier'
export type { VipTierOptions } from './vipTier'

// RETENTION ANALYTICS
export { agentRetention } from './analytics/agentRetention'
export { groupRetention } from './analytics/cohortRetention'
export type { CohortOptions, GroupRetention } from './analytics/cohortRetention'
export { customerSpans, DEFAULT_ACTIVITY_FIELDS, isActiveAt } from './analytics/customerSpans'
export type { CustomerSpan, CustomerSpanOptions } from './analytics/customerSpans'
export { channelRiskFromRetention, retentionByChannel } from './analytics/retentionByChannel'
export { fitKnee, payoffPoint, retentionByResolution } from './analytics/retentionByResolution'
export type {
  ResolutionBucket,
  RetentionByResolution,
  RetentionByResolutionOptions,
  RetentionKnee,
} from './analytics/retentionByResolution'
export { retentionRate, retentionRates } from './analytics/retentionRate'
export type { RetentionRate } from './analytics/retentionRate'
export { revenueAtRisk } from './analytics/revenueAtRisk'
export type { BacklogValue, CustomerWorth, RevenueAtRisk } from './analytics/revenueAtRisk'
export { isActiveTicket, topCustomers } from './analytics/topCustomers'
export type { TopCustomer } from './analytics/topCustomers'
export { retentionReport } from './analytics/retentionReport'
export type { RetentionReport, RetentionReportOptions } from './analytics/retentionReport'
