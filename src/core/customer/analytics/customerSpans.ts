// Per-customer activity spans: the common input of the retention analytics.

import { DAY_MS } from '../_lib/parse'
import type { Channel, CustomerProfile, CustomerTicket } from '../types'
import { contactStats, countUpTo, retentionIndex } from './retentionIndex'
import type { CustomerHistory, RetentionIndex } from './retentionIndex'

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

/**
 * One span per customer who has a profile or a ticket, as of `now` (later tickets and dates are
 * ignored). Deleted tickets are not contacts. "Retained" is a per-customer rule (docs/kpi-definitions.md B.1): a customer has **churned**
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
  return spansAsOf(retentionIndex(profiles, tickets, options), now)
}

/**
 * `customerSpans` as of `now` from an index of the account (`retentionIndex`, with its span
 * options): a customer whose every contact is created and solved by `now` reuses what the index
 * measured, the others read the prefix of their contacts created by then.
 *
 * @example
 * spansAsOf(retentionIndex(profiles, tickets), now).length //=> 4210
 */
export function spansAsOf(index: RetentionIndex, now: number): CustomerSpan[] {
  const inactivity = (index.spans.inactivityDays ?? 60) * DAY_MS
  const spans: CustomerSpan[] = []
  for (const c of index.customers) {
    const span = spanOf(c, now, inactivity)
    if (span !== null) spans.push(span)
  }
  return spans.sort((a, b) => a.customerId - b.customerId)
}

/** One customer's span as of `now`, or null when they were not a customer yet. */
function spanOf(c: CustomerHistory, now: number, inactivity: number): CustomerSpan | null {
  const settled = now >= c.settledAt
  const n = settled ? c.contacts.length : countUpTo(c.contactCreated, now)
  const first = c.contacts[0]?.ticket
  const last = n > 0 ? c.contacts[n - 1]?.ticket : undefined
  const created = c.profile?.createdAt ?? null
  const firstSeen = Math.min(
    created !== null && created <= now ? created : Infinity,
    n > 0 ? (first?.createdAt ?? Infinity) : Infinity,
  )
  if (!Number.isFinite(firstSeen)) return null
  let lastActive = Math.max(firstSeen, last?.createdAt ?? -Infinity)
  for (const at of c.activity) if (at <= now && at > lastActive) lastActive = at
  const { resolutions, medianResolution, agentIds } = settled
    ? c
    : contactStats(c.contacts.slice(0, n), now)
  return {
    customerId: c.id,
    firstSeen,
    lastActive,
    churnedAt: now - lastActive > inactivity ? lastActive + inactivity : null,
    firstChannel: n > 0 ? (first?.channel ?? null) : null,
    firstContactAt: n > 0 ? (first?.createdAt ?? null) : null,
    medianResolutionMinutes: medianResolution,
    solvedTickets: resolutions.length,
    agentIds: [...agentIds],
    tickets: n,
  }
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
