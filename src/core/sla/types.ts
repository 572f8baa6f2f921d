// Types of the SLA warning rule: what the rule reads about a ticket's live SLA targets, what it
// remembers about warnings already given, and what it answers.

import type { VipTier } from '../customer/types'

/** Tiers whose assignees are warned before an SLA target breaches. */
export const SLA_WARNING_TIERS = ['gold', 'platinum'] as const

/** Statuses that never get a warning: the work is done or the ticket is gone. */
export const SLA_QUIET_STATUSES = ['solved', 'closed', 'deleted'] as const

/**
 * One SLA target of a ticket as Zendesk reports it live (the `slas.policy_metrics` sideload):
 * `stage` is `active` while the clock runs, `paused` or `achieved` otherwise.
 */
export interface SlaLiveTarget {
  metric: string
  stage: string
  /** Epoch ms when the target breaches; null when Zendesk gives none (paused, achieved). */
  breachAt: number | null
}

/** What the rule needs to know about a ticket. */
export interface SlaWatchedTicket {
  id: number
  status: string
  assigneeId: number | null
  /** The requester's VIP tier; null when it could not be told (never warned). */
  tier: VipTier | null
  targets: readonly SlaLiveTarget[]
}

/** A warning that was given (kept across reloads so it is given once). */
export interface SlaWarningRecord {
  ticketId: number
  metric: string
  assigneeId: number
  /** The breach instant the warning was about. */
  breachAt: number
  warnedAt: number
}

/** A warning the assignee should get now. */
export interface SlaWarning {
  ticketId: number
  metric: string
  assigneeId: number
  tier: VipTier
  breachAt: number
  /** Whole minutes left before the breach, at least 1. */
  minutesLeft: number
}
