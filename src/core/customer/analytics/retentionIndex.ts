// Everything the retention analytics read of an account that does not depend on the instant they
// are judged at, grouped and sorted once per version of the account: each customer's tickets in
// creation order, parsed activity dates, the open tickets, the solved tickets in solve order. A
// report as of any instant then reads prefixes of these instead of walking every ticket again.

import { quantilesOf } from '../../_lib/quantile'
import { median, parseInstant } from '../_lib/parse'
import type { Channel, CustomerProfile, CustomerTicket } from '../types'
import type { CustomerSpanOptions } from './customerSpans'
import { isActiveTicket } from './topCustomers'

/** User fields read as signs of life when the options name none. */
export const DEFAULT_ACTIVITY_FIELDS: readonly string[] = [
  'last_order_at',
  'last_purchase_at',
  'last_active_at',
  'last_seen_at',
]

/** One customer (a profile, a requester, or both) and their tickets. */
export interface CustomerHistory {
  id: number
  profile: CustomerProfile | null
  /** Every ticket with a creation time, deleted ones included, by creation then id. */
  all: CustomerTicket[]
  /** `createdAt` of `all`, ascending. */
  allCreated: Float64Array
  /** The tickets that are contacts (not deleted), by creation then id. */
  contacts: CustomerTicket[]
  /** `createdAt` of `contacts`, ascending. */
  contactCreated: Float64Array
  /** Instants of the profile's activity fields (`last_order_at` …), parsed once. */
  activity: number[]
  /** Latest creation or solve among the contacts: from then on each contact counts as it is. */
  settledAt: number
  /** Full resolution minutes of the solved contacts, their median and agents, as of `settledAt`. */
  resolutions: number[]
  medianResolution: number | null
  agentIds: number[]
}

/** The account's solved tickets in solve order, for the baseline's medians as of an instant. */
export interface SolvedColumns {
  solvedAt: Float64Array
  createdAt: Float64Array
  /** Requester wait and full resolution, calendar minutes; NaN for null. */
  wait: Float64Array
  resolution: Float64Array
  channel: Channel[]
}

export interface RetentionIndex {
  /** The options the spans are judged by (inactivity, activity fields). */
  spans: CustomerSpanOptions
  profiles: readonly CustomerProfile[]
  /** Every customer: profiles first (in their order), then requesters without a profile. */
  customers: CustomerHistory[]
  byId: ReadonlyMap<number, CustomerHistory>
  /** The open tickets (new, open, pending, hold), in the order given. */
  active: CustomerTicket[]
  solved: SolvedColumns
  /** Latest creation or solve of any ticket: as of then or later, every ticket counts as it is. */
  settledAt: number
  /** The baseline's medians as of `settledAt` or later, computed on first use. */
  settledMedians?: TicketMedians
}

/** The medians of the account baseline that come from the tickets. */
export interface TicketMedians {
  medianWaitMinutes: number | null
  effortMinutes: { byChannel: Partial<Record<Channel, number>>; overall: number | null }
}

const byCreation = (a: CustomerTicket, b: CustomerTicket): number =>
  a.ticket.createdAt - b.ticket.createdAt || a.ticket.id - b.ticket.id

function createdOf(list: readonly CustomerTicket[]): Float64Array {
  return Float64Array.from(list, (t) => t.ticket.createdAt)
}

/**
 * Groups an account's tickets by customer, sorts them, and parses what the retention analytics
 * read, once: keep it while the account does not change and pass it to `retentionReport` (or
 * `retentionForRange`) for any instant. Tickets without a requester or a creation time are left
 * out of the customers (they can never count as of any instant).
 *
 * @example
 * const index = retentionIndex(profiles, tickets)
 * index.byId.get(7)?.contacts.length //=> 3
 */
export function retentionIndex(
  profiles: Iterable<CustomerProfile>,
  tickets: readonly CustomerTicket[],
  spans: CustomerSpanOptions = {},
): RetentionIndex {
  const fields = spans.activityFields ?? DEFAULT_ACTIVITY_FIELDS
  const list = [...profiles]
  const groups = new Map<number, { profile: CustomerProfile | null; all: CustomerTicket[] }>()
  for (const p of list) {
    const g = groups.get(p.id)
    if (g === undefined) groups.set(p.id, { profile: p, all: [] })
    else g.profile = p
  }
  const active: CustomerTicket[] = []
  let settledAt = -Infinity
  const solvedList: CustomerTicket[] = []
  for (const t of tickets) {
    const { requesterId, createdAt, solvedAt } = t.ticket
    if (isActiveTicket(t)) active.push(t)
    if (createdAt > settledAt) settledAt = createdAt
    if (solvedAt !== null) {
      solvedList.push(t)
      if (solvedAt > settledAt) settledAt = solvedAt
    }
    if (requesterId === null || !Number.isFinite(createdAt)) continue
    const g = groups.get(requesterId)
    if (g === undefined) groups.set(requesterId, { profile: null, all: [t] })
    else g.all.push(t)
  }
  const customers: CustomerHistory[] = []
  for (const [id, { profile, all }] of groups) {
    all.sort(byCreation)
    const contacts = all.filter((t) => t.ticket.status !== 'deleted')
    let latest = -Infinity
    for (const { ticket } of contacts)
      latest = Math.max(latest, ticket.createdAt, ticket.solvedAt ?? -Infinity)
    const activity: number[] = []
    for (const f of fields) {
      const at = parseInstant(profile?.fields[f])
      if (at !== null) activity.push(at)
    }
    customers.push({
      id,
      profile,
      all,
      allCreated: createdOf(all),
      contacts,
      contactCreated: createdOf(contacts),
      activity,
      settledAt: latest,
      ...contactStats(contacts, Infinity),
    })
  }
  solvedList.sort((a, b) => (a.ticket.solvedAt as number) - (b.ticket.solvedAt as number))
  const minutes = (v: number | null): number => (v === null ? NaN : v)
  return {
    spans,
    profiles: list,
    customers,
    byId: new Map(customers.map((c) => [c.id, c])),
    active,
    solved: {
      solvedAt: Float64Array.from(solvedList, (t) => t.ticket.solvedAt as number),
      createdAt: createdOf(solvedList),
      wait: Float64Array.from(solvedList, (t) => minutes(t.ticket.minutes.requesterWait.calendar)),
      resolution: Float64Array.from(solvedList, (t) =>
        minutes(t.ticket.minutes.fullResolution.calendar),
      ),
      channel: solvedList.map((t) => t.ticket.channel),
    },
    settledAt,
  }
}

/**
 * Full resolution minutes of the `contacts` solved by `now` (in their order), their median, and the
 * agents assigned to any of the contacts (ascending).
 *
 * @example
 * contactStats(c.contacts, Infinity).medianResolution //=> 95
 */
export function contactStats(
  contacts: readonly CustomerTicket[],
  now: number,
): Pick<CustomerHistory, 'resolutions' | 'medianResolution' | 'agentIds'> {
  const resolutions: number[] = []
  const agents = new Set<number>()
  for (const { ticket } of contacts) {
    const minutes = ticket.minutes.fullResolution.calendar
    if (ticket.solvedAt !== null && ticket.solvedAt <= now && minutes !== null)
      resolutions.push(minutes)
    if (ticket.assigneeId !== null) agents.add(ticket.assigneeId)
  }
  return {
    resolutions,
    medianResolution: median(resolutions),
    agentIds: [...agents].sort((a, b) => a - b),
  }
}

/**
 * How many of the ascending `times` are at or before `now` (NaN sorts last and never counts).
 *
 * @example
 * countUpTo(Float64Array.of(1, 5, 9), 5) //=> 2
 */
export function countUpTo(times: Float64Array, now: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((times[mid] as number) <= now) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The median of the first `n` values (reordered), as `median` of a list gives it. */
function medianOf(values: Float64Array, n: number): number | null {
  return quantilesOf(values, n, [0.5])[0] ?? null
}

/**
 * The account's median requester wait and median full resolution (overall, and per channel with at
 * least 5 tickets) over the tickets created and solved by `now`, as `accountBaseline` measures
 * them; read from the solve-ordered columns, and kept once `now` is past every ticket.
 *
 * @example
 * ticketMedians(index, now).medianWaitMinutes //=> 612
 */
export function ticketMedians(index: RetentionIndex, now: number): TicketMedians {
  const settled = now >= index.settledAt
  if (settled && index.settledMedians !== undefined) return index.settledMedians
  const { solvedAt, createdAt, wait, resolution, channel } = index.solved
  const n = countUpTo(solvedAt, now)
  const waits = new Float64Array(n)
  const all = new Float64Array(n)
  const perChannel = new Map<Channel, number[]>()
  let nw = 0
  let na = 0
  for (let i = 0; i < n; i++) {
    if (!((createdAt[i] as number) <= now)) continue
    const w = wait[i] as number
    if (w === w) waits[nw++] = w
    const r = resolution[i] as number
    if (r !== r) continue
    all[na++] = r
    const ch = channel[i] as Channel
    const own = perChannel.get(ch)
    if (own) own.push(r)
    else perChannel.set(ch, [r])
  }
  const byChannel: Partial<Record<Channel, number>> = {}
  for (const [ch, own] of perChannel) {
    const m = medianOf(Float64Array.from(own), own.length)
    if (m !== null && own.length >= 5) byChannel[ch] = m
  }
  const out: TicketMedians = {
    medianWaitMinutes: medianOf(waits, nw),
    effortMinutes: { byChannel, overall: medianOf(all, na) },
  }
  if (settled) index.settledMedians = out
  return out
}
