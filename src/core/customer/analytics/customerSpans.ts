// Per-customer activity spans: the common input of the retention analytics.

import { DAY_MS, median, parseInstant } from '../_lib/parse'
import type { Channel, CustomerProfile, CustomerTicket } from '../types'

export interface CustomerSpan {
  customerId: number
  /** Customer since: the user's `created_at`, else the first contact. */
  firstSeen: number
  /** Last sign of life up to `now`: latest contact or activity field (e.g. `last_order_at`). */
  lastActive: number
  /** Instant the customer counts as churned (`lastActive` + inactivity), null if still active. */
  churnedAt: number | null
  /** Channel of the first contact; null without contacts. */
  firstChannel: Channel | null
  firstContactAt: number | null
  /** Median full resolution (calendar minutes) of the customer's solved tickets. */
  medianResolutionMinutes: number | null
  /** Solved tickets with a full resolution time (the sample behind the median). */
  solvedTickets: number
  /** Agents (assignees) who served the customer. */
  agentIds: number[]
  tickets: number
}

export interface CustomerSpanOptions {
  /** A customer with no activity for this many days has churned. Default 60 (Intercom's "slipping away" horizon, B.1 [I6]). */
  inactivityDays?: number
  /** User fields holding the last purchase or activity date. Default `DEFAULT_ACTIVITY_FIELDS`. */
  activityFields?: readonly string[]
}

export const DEFAULT_ACTIVITY_FIELDS: readonly string[] = [
  'last_order_at',
  'last_purchase_at',
  'last_active_at',
  'last_seen_at',
]

/**
 * One span per customer who has a profile or a ticket, as of `now` (later tickets and dates are
 * ignored). "Retained" is a per-customer rule (docs/kpi-definitions.md B.1): a customer has **churned**
 * once they showed no sign of life — no contact and no activity-field date — for `inactivityDays`
 * (default 60); `churnedAt` is that instant. Tickets without a requester are left out.
 *
 * @example
 * customerSpans(profiles, tickets, now)[0] //=> { customerId: 5, firstSeen: …, churnedAt: null, firstChannel: 'email', … }
 */
export function customerSpans(
  profiles: Iterable<CustomerProfile>,
  tickets: readonly CustomerTicket[],
  now: number,
  options: CustomerSpanOptions = {},
): CustomerSpan[] {
  const inactivity = (options.inactivityDays ?? 60) * DAY_MS
  const fields = options.activityFields ?? DEFAULT_ACTIVITY_FIELDS
  const byId = new Map<number, { profile: CustomerProfile | null; tickets: CustomerTicket[] }>()
  for (const p of profiles) byId.set(p.id, { profile: p, tickets: [] })
  for (const t of tickets) {
    const id = t.ticket.requesterId
    if (id === null || !(t.ticket.createdAt <= now)) continue
    const entry = byId.get(id)
    if (entry) entry.tickets.push(t)
    else byId.set(id, { profile: null, tickets: [t] })
  }
  const spans: CustomerSpan[] = []
  for (const [customerId, { profile, tickets: own }] of byId) {
    own.sort((a, b) => a.ticket.createdAt - b.ticket.createdAt || a.ticket.id - b.ticket.id)
    const first = own[0]?.ticket
    const last = own[own.length - 1]?.ticket
    const created = profile?.createdAt ?? null
    const firstSeen = Math.min(
      created !== null && created <= now ? created : Infinity,
      first?.createdAt ?? Infinity,
    )
    if (!Number.isFinite(firstSeen)) continue
    let lastActive = Math.max(firstSeen, last?.createdAt ?? -Infinity)
    for (const f of fields) {
      const at = parseInstant(profile?.fields[f])
      if (at !== null && at <= now && at > lastActive) lastActive = at
    }
    const resolutions = own
      .filter((t) => t.ticket.solvedAt !== null && t.ticket.solvedAt <= now)
      .map((t) => t.ticket.minutes.fullResolution.calendar)
      .filter((m): m is number => m !== null)
    const agents = new Set<number>()
    for (const t of own) if (t.ticket.assigneeId !== null) agents.add(t.ticket.assigneeId)
    spans.push({
      customerId,
      firstSeen,
      lastActive,
      churnedAt: now - lastActive > inactivity ? lastActive + inactivity : null,
      firstChannel: first?.channel ?? null,
      firstContactAt: first?.createdAt ?? null,
      medianResolutionMinutes: median(resolutions),
      solvedTickets: resolutions.length,
      agentIds: [...agents].sort((a, b) => a - b),
      tickets: own.length,
    })
  }
  return spans.sort((a, b) => a.customerId - b.customerId)
}

/**
 * True when the customer exists and has not churned at instant `t`.
 *
 * @example
 * isActiveAt({ ...span, firstSeen: 0, churnedAt: 100 }, 50) //=> true
 */
export function isActiveAt(span: CustomerSpan, t: number): boolean {
  return span.firstSeen <= t && (span.churnedAt === null || span.churnedAt > t)
}
