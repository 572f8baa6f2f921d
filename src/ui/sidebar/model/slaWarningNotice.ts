// The background's SLA warning for the open ticket, brought to the sidebar's clock: the warning
// was written at the last poll (up to a minute ago), so its minutes are counted again from now.

import type { SlaWarning } from '@/core'

/** Zendesk's SLA metrics the sidebar names; any other metric is named generically. */
export const SLA_METRICS = {
  first_reply_time: 'firstReplyTime',
  next_reply_time: 'nextReplyTime',
  periodic_update_time: 'periodicUpdateTime',
  pausable_update_time: 'pausableUpdateTime',
  requester_wait_time: 'requesterWaitTime',
  agent_work_time: 'agentWorkTime',
} as const

export type SlaMetricName = (typeof SLA_METRICS)[keyof typeof SLA_METRICS] | 'unknown'

export type SlaWarningNotice = {
  tier: SlaWarning['tier']
  metric: SlaMetricName
  /** Whole minutes left, at least 1 while the target has not passed. */
  minutesLeft: number
}

/**
 * The banner for a standing warning, or null when there is none or its breach has passed (the
 * SLA countdown then says it was breached).
 *
 * @example
 * slaWarningNotice({ ticketId: 7, metric: 'first_reply_time', assigneeId: 1, tier: 'gold',
 *   breachAt: now + 90_000, minutesLeft: 3 }, now) //=> { tier: 'gold', metric: 'firstReplyTime', minutesLeft: 2 }
 */
export function slaWarningNotice(warning: SlaWarning | null, now: number): SlaWarningNotice | null {
  if (warning === null || !Number.isFinite(warning.breachAt) || !(warning.breachAt > now)) {
    return null
  }
  const metric =
    warning.metric in SLA_METRICS
      ? SLA_METRICS[warning.metric as keyof typeof SLA_METRICS]
      : 'unknown'
  return {
    tier: warning.tier,
    metric,
    minutesLeft: Math.max(1, Math.ceil((warning.breachAt - now) / 60_000)),
  }
}
