// Retention by the channel of the customer's first contact, and the channel loyalty weights.

import type { Channel } from '../types'
import type { CohortOptions, GroupRetention } from './cohortRetention'
import { groupRetention } from './cohortRetention'
import type { CustomerSpan } from './customerSpans'

/**
 * Retention per first-contact channel (customers judged at `now`, see `groupRetention`).
 *
 * @example
 * retentionByChannel(spans, now)[0] //=> { key: 'email', customers: 640, retained: 470, rate: 0.734, ci: [...] }
 */
export function retentionByChannel(
  spans: readonly CustomerSpan[],
  now: number,
  options: CohortOptions = {},
): GroupRetention<Channel>[] {
  return groupRetention(
    spans,
    now,
    (s) => (s.firstChannel === null ? [] : [s.firstChannel]),
    options,
  )
}

/**
 * The per-channel loyalty weight of the priority score: each channel's churn rate divided by the
 * highest channel churn rate (1 = the least loyal channel), over channels with at least
 * `minCustomers` (default 30) customers. Empty when no channel qualifies or nobody churned.
 *
 * @example
 * channelRiskFromRetention([{ key: 'voice', rate: 0.9, customers: 50 }, { key: 'web', rate: 0.6, customers: 80 }])
 * //=> { voice: 0.25, web: 1 }
 */
export function channelRiskFromRetention(
  byChannel: readonly Pick<GroupRetention<Channel>, 'key' | 'rate' | 'customers'>[],
  minCustomers = 30,
): Partial<Record<Channel, number>> {
  const usable = byChannel.filter((g) => g.customers >= minCustomers && g.rate >= 0 && g.rate <= 1)
  const worst = Math.max(0, ...usable.map((g) => 1 - g.rate))
  const out: Partial<Record<Channel, number>> = {}
  if (worst === 0) return out
  for (const g of usable) out[g.key] = Math.round(((1 - g.rate) / worst) * 1000) / 1000
  return out
}
