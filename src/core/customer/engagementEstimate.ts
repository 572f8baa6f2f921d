// Support-derived engagement estimate for customers without a revenue field (RFM-style, B.3).

import { DAY_MS, unit } from './_lib/parse'
import type { ContactSummary } from './requesterContacts'
import type { CustomerTicket, EngagementEstimate } from './types'

export interface EngagementEstimateOptions {
  /** Recency half-life in days: a customer silent this long scores 0.5 on recency. Default 90. */
  recencyHalfLifeDays?: number
  /** Contacts per 30 days that score 0.5 on frequency. Default 1. */
  frequencyHalfPoint?: number
  /** Tenure (days) that scores 1 on tenure. Default 365. */
  fullTenureDays?: number
}

/** Weights of recency, frequency and tenure in the 0–100 points (R:F:T = 35:40:25, ours). */
export const ENGAGEMENT_WEIGHTS = { recency: 35, frequency: 40, tenure: 25 } as const

/**
 * An engagement value in points (0–100) from the customer's contact history as of `now`: recent,
 * frequent, long-standing customers score high. It is **an estimate, not money**: RFM normally
 * scores purchases (docs/kpi-definitions.md B.3, [R4]); here contacts stand in for purchases because no
 * revenue field is mapped. Each part saturates instead of using quintiles, so one customer can be
 * scored without the account's distribution. Tickets created after `now` are ignored.
 *
 * @param history the customer's tickets (any order)
 * @param customerSince the user's `created_at` (epoch ms) or null
 * @param now the instant of the estimate (epoch ms)
 * @returns points and the three parts
 *
 * @example
 * // 6 contacts over a year, the last one 10 days ago
 * engagementEstimate(history, Date.parse('2025-01-01'), Date.parse('2026-01-01')).points //=> 70.6
 */
export function engagementEstimate(
  history: readonly CustomerTicket[],
  customerSince: number | null,
  now: number,
  options: EngagementEstimateOptions = {},
): EngagementEstimate {
  let first = Infinity
  let last = -Infinity
  let contacts = 0
  for (const { ticket } of history) {
    if (!(ticket.createdAt <= now)) continue
    contacts++
    if (ticket.createdAt < first) first = ticket.createdAt
    if (ticket.createdAt > last) last = ticket.createdAt
  }
  return engagementFromContacts({ count: contacts, first, last }, customerSince, now, options)
}

/**
 * `engagementEstimate` from a summary of the history (count, first and last contact up to `now`),
 * e.g. from `contactsAsOf` over `requesterContacts`: the same points without walking the tickets.
 *
 * @example
 * engagementFromContacts({ count: 6, first: Date.parse('2025-03-01'), last: Date.parse('2025-12-22') },
 *   Date.parse('2025-01-01'), Date.parse('2026-01-01')).points //=> 70.6
 */
export function engagementFromContacts(
  summary: ContactSummary,
  customerSince: number | null,
  now: number,
  options: EngagementEstimateOptions = {},
): EngagementEstimate {
  const halfLife = options.recencyHalfLifeDays ?? 90
  const freqHalf = options.frequencyHalfPoint ?? 1
  const fullTenure = options.fullTenureDays ?? 365
  const { first, last } = summary
  const contacts = summary.count
  const since = Math.min(
    customerSince !== null && customerSince <= now ? customerSince : first,
    first,
  )
  const tenureDays = Number.isFinite(since) ? Math.max(0, (now - since) / DAY_MS) : null
  const recencyDays = contacts > 0 ? Math.max(0, (now - last) / DAY_MS) : null
  // frequency over at least 30 days, so a brand-new customer with one contact is not "very frequent"
  const contactsPer30Days = contacts === 0 ? 0 : (contacts * 30) / Math.max(30, tenureDays ?? 30)
  const parts = {
    recency: recencyDays === null ? 0 : Math.pow(0.5, recencyDays / halfLife),
    frequency: contactsPer30Days / (contactsPer30Days + freqHalf),
    tenure: tenureDays === null ? 0 : unit(tenureDays / fullTenure),
  }
  const points =
    ENGAGEMENT_WEIGHTS.recency * parts.recency +
    ENGAGEMENT_WEIGHTS.frequency * parts.frequency +
    ENGAGEMENT_WEIGHTS.tenure * parts.tenure
  return {
    points: Math.round(points * 10) / 10,
    recencyDays,
    contactsPer30Days,
    tenureDays,
    parts,
  }
}
