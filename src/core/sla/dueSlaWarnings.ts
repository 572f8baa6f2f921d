import { isSameSlaTarget } from './isSameSlaTarget'
import { slaWarningKey } from './slaWarningKey'
import { SLA_QUIET_STATUSES, SLA_WARNING_TIERS } from './types'
import type { SlaWarning, SlaWarningRecord, SlaWatchedTicket } from './types'

export interface DueSlaWarningsOptions {
  /** The account's current instant, epoch ms (the server's clock, not necessarily the browser's). */
  now: number
  /** Minutes before a breach when the warning is due (the `slaWarningMinutes` setting). */
  warningMinutes: number
  /** Only this agent's tickets are considered (the signed-in user); null = every assignee. */
  userId: number | null
  /** Warnings already given, by `slaWarningKey`. */
  warned: ReadonlyMap<string, SlaWarningRecord>
}

const WARN_TIERS: readonly string[] = SLA_WARNING_TIERS
const QUIET: readonly string[] = SLA_QUIET_STATUSES

/**
 * The SLA warnings due now. A ticket's assignee is warned once per ticket and SLA target when:
 * - the requester is Gold or Platinum;
 * - the ticket is not solved, closed or deleted, and has an assignee (the user, when `userId` is set);
 * - the target's clock runs (`stage` `active`) and it breaches within `warningMinutes` but has not
 *   breached yet (a clock that jumped past the breach gives no late "before" warning);
 * - that assignee was not already warned about that target (`isSameSlaTarget`). Reassignment to
 *   someone else warns the new assignee.
 * Fulfilled (`achieved`) and paused targets are never warned. Bad values (NaN, a non-positive
 * window) give no warning rather than an exception.
 *
 * @param tickets the tickets with their live SLA targets
 * @param options the instant, the window, the user and the memory of earlier warnings
 * @returns the warnings due, soonest breach first
 *
 * @example
 * dueSlaWarnings(
 *   [{ id: 5, status: 'open', assigneeId: 7, tier: 'gold',
 *      targets: [{ metric: 'first_reply_time', stage: 'active', breachAt: Date.UTC(2026, 9, 1, 12) }] }],
 *   { now: Date.UTC(2026, 9, 1, 11, 45), warningMinutes: 30, userId: 7, warned: new Map() },
 * ) //=> [{ ticketId: 5, metric: 'first_reply_time', assigneeId: 7, tier: 'gold', breachAt: …, minutesLeft: 15 }]
 */
export function dueSlaWarnings(
  tickets: readonly SlaWatchedTicket[],
  options: DueSlaWarningsOptions,
): SlaWarning[] {
  const { now, warningMinutes, userId, warned } = options
  if (!Number.isFinite(now) || !(warningMinutes > 0)) return []
  const windowMs = warningMinutes * 60_000
  const due: SlaWarning[] = []
  for (const ticket of tickets) {
    const assigneeId = ticket.assigneeId
    if (assigneeId === null || (userId !== null && assigneeId !== userId)) continue
    if (ticket.tier === null || !WARN_TIERS.includes(ticket.tier)) continue
    if (QUIET.includes(ticket.status.toLowerCase())) continue
    const seen = new Set<string>()
    for (const target of ticket.targets) {
      const breachAt = target.breachAt
      if (target.stage !== 'active' || breachAt === null || !Number.isFinite(breachAt)) continue
      if (now >= breachAt || now < breachAt - windowMs) continue
      const key = slaWarningKey(ticket.id, target.metric, assigneeId)
      if (seen.has(key)) continue
      const earlier = warned.get(key)
      if (earlier !== undefined && isSameSlaTarget(earlier.breachAt, breachAt, warningMinutes)) {
        continue
      }
      seen.add(key)
      due.push({
        ticketId: ticket.id,
        metric: target.metric,
        assigneeId,
        tier: ticket.tier,
        breachAt,
        minutesLeft: Math.max(1, Math.ceil((breachAt - now) / 60_000)),
      })
    }
  }
  return due.sort((a, b) => a.breachAt - b.breachAt || a.ticketId - b.ticketId)
}
