// The SLA countdown of the open ticket, read from the score's SLA factor (no second clock).

import type { RequesterTicketScore } from '@/core'

export type SlaCountdown =
  { state: 'running'; minutesLeft: number } | { state: 'breached'; minutesAgo: number }

/**
 * The ticket's next SLA target as the score saw it, or null when no target is active (no
 * policy, or the ticket is solved).
 *
 * @example
 * slaCountdown(score) //=> { state: 'running', minutesLeft: 25 }
 */
export function slaCountdown(score: RequesterTicketScore): SlaCountdown | null {
  const factor = score.factors.find((f) => f.key === 'slaBreach')
  const minutes = factor?.params.minutes
  if (factor === undefined || factor.missing || typeof minutes !== 'number') return null
  if (factor.reasonKey.endsWith('slaBreachIn')) return { state: 'running', minutesLeft: minutes }
  if (factor.reasonKey.endsWith('slaBreached')) return { state: 'breached', minutesAgo: minutes }
  return null
}
