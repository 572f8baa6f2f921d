// Minutes until a ticket breaches its SLA target, from per-priority targets.

import { isSolvedStatus } from '../kpi/solved'
import { MINUTE_MS } from './_lib/parse'
import type { CustomerTicket, TicketPriority } from './types'

/** SLA targets in calendar minutes per priority: first reply, then requester wait (resolution). */
export interface SlaTargets {
  firstReply: Readonly<Record<TicketPriority, number>>
  requesterWait: Readonly<Record<TicketPriority, number>>
}

/**
 * Default targets (ours, typical of Zendesk SLA policies: urgent 1 h first reply, low 1 day; the
 * simulated account uses the same).
 */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  firstReply: { urgent: 60, high: 240, normal: 480, low: 1440 },
  requesterWait: { urgent: 480, high: 1440, normal: 2880, low: 5760 },
}

/**
 * Minutes left before the ticket's next SLA target is breached as of `now`, negative once
 * breached: the first-reply target until an agent replied, then the requester-wait target (both
 * measured from creation, calendar time; pauses in Pending are not subtracted, so this errs on the
 * side of urgency). Null when there is no live target: solved, closed or deleted tickets, tickets
 * without a priority, or `now` before creation.
 *
 * @example
 * // normal ticket created 09:00, no reply yet, now 16:35 → target 480 min → 25 min left
 * minutesToSlaBreach(ticket, Date.parse('2024-03-04T16:35:00Z')) //=> 25
 */
export function minutesToSlaBreach(
  item: CustomerTicket,
  now: number,
  targets: SlaTargets = DEFAULT_SLA_TARGETS,
): number | null {
  const t = item.ticket
  if (item.priority === null || !(now >= t.createdAt)) return null
  if (isSolvedStatus(t.status) || t.status === 'deleted') return null
  const replied = (t.replies ?? 0) > 0 || t.minutes.firstReply.calendar !== null
  const target = (replied ? targets.requesterWait : targets.firstReply)[item.priority]
  if (!Number.isFinite(target)) return null
  return Math.round((t.createdAt + target * MINUTE_MS - now) / MINUTE_MS)
}
