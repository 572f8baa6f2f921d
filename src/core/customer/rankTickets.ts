// The "solve this first" queue: open tickets ranked by priority score.

import type { AccountBaseline } from './accountBaseline'
import { groupByRequester } from './accountBaseline'
import { assessCustomer } from './assessCustomer'
import { isActiveTicket } from './analytics/topCustomers'
import { scoreTicket } from './scoreTicket'
import type { ValueModelSettings } from './settings'
import type { CustomerProfile, CustomerTicket, PriorityScore } from './types'

export interface RankedTicket {
  ticketId: number
  customerId: number | null
  score: PriorityScore
}

/**
 * The open tickets (new, open, pending, hold; created by `now`) ranked by priority score, highest
 * first; ties go to the older ticket, then the lower id. Each customer is assessed once.
 *
 * @example
 * rankTickets(profiles, tickets, baseline, now, 3).map((r) => [r.ticketId, r.score.score])
 * //=> [[19773, 65.1], [19976, 58.7], [19596, 58]]
 */
export function rankTickets(
  profiles: ReadonlyMap<number, CustomerProfile>,
  tickets: readonly CustomerTicket[],
  baseline: AccountBaseline,
  now: number,
  limit = Infinity,
  settings: ValueModelSettings = {},
): RankedTicket[] {
  const history = groupByRequester(tickets.filter((t) => t.ticket.createdAt <= now))
  const open = tickets.filter((t) => isActiveTicket(t) && t.ticket.createdAt <= now)
  const ranked = open.map((item) => {
    const id = item.ticket.requesterId
    const own = id === null ? [item] : (history.get(id) ?? [item])
    const profile = id === null ? null : (profiles.get(id) ?? null)
    const a = assessCustomer(profile, own, baseline, now, settings, item.tags)
    return {
      ticketId: item.ticket.id,
      customerId: id,
      createdAt: item.ticket.createdAt,
      score: scoreTicket(item, own, a, baseline, now, settings),
    }
  })
  ranked.sort(
    (a, b) => b.score.score - a.score.score || a.createdAt - b.createdAt || a.ticketId - b.ticketId,
  )
  return ranked
    .slice(0, Math.max(0, limit))
    .map(({ ticketId, customerId, score }) => ({ ticketId, customerId, score }))
}
