// Value-weighted backlog: what the customers waiting in open tickets are worth, and at risk.

import type { CustomerTicket } from '../types'
import { isActiveTicket } from './topCustomers'

export interface CustomerWorth {
  value: number
  churnRisk: number
  /** null for engagement estimates (points): they are counted apart, never added to money. */
  currency: string | null
}

export interface BacklogValue {
  customers: number
  openTickets: number
  /** Σ value of the distinct customers with open tickets. */
  value: number
  /** Σ value × churn risk: the "revenue at risk" in the backlog. */
  atRisk: number
  /** Σ over open tickets of the requester's value (a customer with 3 open tickets counts 3×). */
  ticketWeighted: number
}

export interface RevenueAtRisk {
  byCurrency: Record<string, BacklogValue>
  /** Customers with open tickets whose value is only an estimate, or unknown. */
  unvalued: { customers: number; openTickets: number }
}

/**
 * Value-weighted backlog of the open tickets (status new, open, pending, hold), per currency.
 * Customers with no money value (`worthOf` null or an estimate) are counted in `unvalued`.
 *
 * @example
 * revenueAtRisk(tickets, (id) => worth.get(id) ?? null).byCurrency.USD
 * //=> { customers: 120, openTickets: 150, value: 91000, atRisk: 18400, ticketWeighted: 110500 }
 */
export function revenueAtRisk(
  tickets: readonly CustomerTicket[],
  worthOf: (customerId: number) => CustomerWorth | null,
): RevenueAtRisk {
  const open = new Map<number, number>()
  let anonymous = 0
  for (const t of tickets) {
    if (!isActiveTicket(t)) continue
    const id = t.ticket.requesterId
    if (id === null) anonymous++
    else open.set(id, (open.get(id) ?? 0) + 1)
  }
  const byCurrency: Record<string, BacklogValue> = {}
  const unvalued = { customers: 0, openTickets: anonymous }
  for (const [id, count] of open) {
    const w = worthOf(id)
    if (w === null || w.currency === null || !(w.value >= 0)) {
      unvalued.customers++
      unvalued.openTickets += count
      continue
    }
    const risk = w.churnRisk > 0 ? Math.min(w.churnRisk, 1) : 0
    const b = (byCurrency[w.currency] ??= {
      customers: 0,
      openTickets: 0,
      value: 0,
      atRisk: 0,
      ticketWeighted: 0,
    })
    b.customers++
    b.openTickets += count
    b.value += w.value
    b.atRisk += w.value * risk
    b.ticketWeighted += w.value * count
  }
  for (const b of Object.values(byCurrency)) {
    b.value = Math.round(b.value * 100) / 100
    b.atRisk = Math.round(b.atRisk * 100) / 100
    b.ticketWeighted = Math.round(b.ticketWeighted * 100) / 100
  }
  return { byCurrency, unvalued }
}
