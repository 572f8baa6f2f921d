// Observations on a customer's contact history used by the churn signals (private to the model).

import { DAY_MS, isTruthyFlag, median } from './parse'
import type { CustomerProfile, CustomerTicket } from '../types'

/**
 * True when a churn tag is on the user, the organization or one of `recent`, or a churn field of
 * the user or organization is truthy.
 *
 * @example
 * hasChurnMark(profileTagged('cancellation'), [], new Set(['cancellation']), []) //=> true
 */
export function hasChurnMark(
  profile: CustomerProfile | null,
  recent: readonly CustomerTicket[],
  tags: ReadonlySet<string>,
  fields: readonly string[],
): boolean {
  const all = [
    ...(profile?.tags ?? []),
    ...(profile?.organization?.tags ?? []),
    ...recent.flatMap((t) => t.tags),
  ]
  if (all.some((t) => tags.has(t.toLowerCase()))) return true
  return fields.some(
    (f) => isTruthyFlag(profile?.fields[f]) || isTruthyFlag(profile?.organization?.fields[f]),
  )
}

/**
 * Contacts created at or after `from` within `withinMs` of the previous contact; `past` sorted by
 * creation.
 *
 * @example
 * // contacts 10, 8 and 6 days ago, 7-day window → 2
 * repeatContacts(past, now - 90 * DAY_MS, 7 * DAY_MS) //=> 2
 */
export function repeatContacts(
  past: readonly CustomerTicket[],
  from: number,
  withinMs: number,
): number {
  let n = 0
  for (let i = 1; i < past.length; i++) {
    const cur = (past[i] as CustomerTicket).ticket.createdAt
    const prev = (past[i - 1] as CustomerTicket).ticket.createdAt
    if (cur >= from && cur - prev <= withinMs) n++
  }
  return n
}

/**
 * The customer's median requester wait over `recent` ÷ the account median; null when either is
 * unknown or the account median is not positive.
 *
 * @example
 * waitRatio(recentWith1800MinuteWait, 600) //=> 3
 */
export function waitRatio(
  recent: readonly CustomerTicket[],
  accountMedian: number | null,
): number | null {
  const own = median(
    recent
      .map((t) => t.ticket.minutes.requesterWait.calendar)
      .filter((m): m is number => m !== null),
  )
  return own !== null && accountMedian !== null && accountMedian > 0 ? own / accountMedian : null
}

/**
 * Silence since the last contact ÷ the customer's usual (median) gap between contacts, the gap at
 * least a day; null with fewer than 3 contacts. `past` sorted by creation.
 *
 * @example
 * // contacts every 10 days, the last 60 days ago → 6
 * cadenceRatio(past, now) //=> 6
 */
export function cadenceRatio(past: readonly CustomerTicket[], now: number): number | null {
  if (past.length < 3) return null
  const gaps: number[] = []
  for (let i = 1; i < past.length; i++) {
    gaps.push(
      (past[i] as CustomerTicket).ticket.createdAt -
        (past[i - 1] as CustomerTicket).ticket.createdAt,
    )
  }
  const usual = Math.max(median(gaps) ?? 0, DAY_MS)
  return (now - (past[past.length - 1] as CustomerTicket).ticket.createdAt) / usual
}
