// The priority score of one ticket from the customer assessment and the account baseline.

import { isSolvedStatus } from '../kpi/solved'
import type { AccountBaseline } from './accountBaseline'
import { DAY_MS, MINUTE_MS } from './_lib/parse'
import type { CustomerAssessment } from './assessCustomer'
import type { PriorityInputs } from './priorityScore'
import { priorityScore } from './priorityScore'
import type { ValueModelSettings } from './settings'
import { minutesToBreachFromEvents } from './slaClock'
import type { SlaClockEvent } from './slaClock'
import { minutesToSlaBreach } from './slaTargets'
import type { CustomerTicket, PriorityScore } from './types'

/**
 * The inputs of the priority score for `item` as of `now`:
 * - waiting: minutes since creation for an unsolved ticket, 0 once solved;
 * - SLA: from the ticket's metric events when given (`minutesToBreachFromEvents`), else
 *   `minutesToSlaBreach` with the configured per-priority targets;
 * - repeat contact: the requester's tickets created in the 7 days up to this one, itself included;
 * - channel risk and expected effort: from the baseline (null when it has none for the channel).
 *
 * @example
 * ticketPriorityInputs(item, history, assessment, baseline, now).contactsIn7Days //=> 3
 */
export function ticketPriorityInputs(
  item: CustomerTicket,
  history: readonly CustomerTicket[],
  assessment: CustomerAssessment,
  baseline: AccountBaseline,
  now: number,
  settings: ValueModelSettings = {},
  slaEvents?: readonly SlaClockEvent[],
): PriorityInputs {
  const t = item.ticket
  const solved = isSolvedStatus(t.status)
  const waiting = !(now >= t.createdAt) ? null : solved ? 0 : (now - t.createdAt) / MINUTE_MS
  const from = t.createdAt - 7 * DAY_MS
  const others = history.filter(
    (h) => h.ticket.id !== t.id && h.ticket.createdAt >= from && h.ticket.createdAt <= t.createdAt,
  ).length
  const v = assessment.value
  return {
    value: v.amount,
    valueIsEstimate: v.isEstimate,
    currency: v.currency,
    typicalValue: v.isEstimate ? baseline.typicalEstimate : baseline.typicalValue,
    tier: assessment.tier.tier,
    churnRisk: assessment.churn.score,
    waitingMinutes: waiting,
    minutesToSlaBreach:
      slaEvents !== undefined && slaEvents.length > 0
        ? minutesToBreachFromEvents(slaEvents, now)
        : minutesToSlaBreach(item, now, settings.slaTargets),
    priority: item.priority,
    contactsIn7Days: others + 1,
    channel: t.channel,
    channelRisk: baseline.channelRisk[t.channel] ?? null,
    expectedEffortMinutes:
      baseline.effortMinutes.byChannel[t.channel] ?? baseline.effortMinutes.overall,
  }
}

/**
 * The priority score of a ticket ("why is this ticket at the top?"): `priorityScore` over
 * `ticketPriorityInputs`, with the same arguments.
 *
 * @example
 * scoreTicket(item, history, assessment, baseline, now)
 * //=> { score: 65.1, level: 'critical', factors: [{ key: 'value', contribution: 21.2, ... }, ...] }
 */
export function scoreTicket(...args: Parameters<typeof ticketPriorityInputs>): PriorityScore {
  // the same arguments as ticketPriorityInputs; only the settings' weights are read again here
  const settings = args[5]
  return priorityScore(ticketPriorityInputs(...args), settings?.priority)
}
