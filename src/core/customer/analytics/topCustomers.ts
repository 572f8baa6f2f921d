// Top customers by active tickets × value.

import type { CustomerTicket } from '../types'

export interface TopCustomer {
  customerId: number
  activeTickets: number
  value: number
  /** activeTickets × value: the ranking key. */
  weight: number
}

const OPEN = new Set(['new', 'open', 'pending', 'hold'])

/**
 * True for tickets still in the backlog (every status except solved, closed and deleted).
 *
 * @example
 * isActiveTicket({ ticket: { ...t, status: 'pending' }, tags: [], priority: null }) //=> true
 */
export function isActiveTicket(t: CustomerTicket): boolean {
  return OPEN.has(t.ticket.status)
}

/**
 * The `n` (default 10) customers with the largest active tickets × value. Customers whose value
 * is unknown (`valueOf` returns null) are left out. Ties go to the lower customer id.
 *
 * @example
 * topCustomers(tickets, (id) => values.get(id) ?? null)[0] //=> { customerId: 7, activeTickets: 3, value: 4200, weight: 12600 }
 */
export function topCustomers(
  tickets: readonly CustomerTicket[],
  valueOf: (customerId: number) => number | null,
  n = 10,
): TopCustomer[] {
  const active = new Map<number, number>()
  for (const t of tickets) {
    const id = t.ticket.requesterId
    if (id !== null && isActiveTicket(t)) active.set(id, (active.get(id) ?? 0) + 1)
  }
  const out: TopCustomer[] = []
  for (const [customerId, activeTickets] of active) {
    const value = valueOf(customerId)
    if (value === null || !Number.isFinite(value) || value < 0) continue
    out.push({ customerId, activeTickets, value, weight: activeTickets * value })
  }
  return out
    .sort((a, b) => b.weight - a.weight || a.customerId - b.customerId)
    .slice(0, Math.max(0, n))
}
