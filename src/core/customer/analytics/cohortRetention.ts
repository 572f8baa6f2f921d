// Retention of customer groups (by first channel, by agent …) with confidence intervals.

import { DAY_MS } from '../_lib/parse'
import { wilson95 } from '../_lib/wilson'
import type { CustomerSpan } from './customerSpans'

export interface GroupRetention<K> {
  key: K
  customers: number
  retained: number
  /** retained / customers. */
  rate: number
  /** 95 % Wilson interval of the rate. */
  ci: [number, number]
}

export interface CohortOptions {
  /** Only customers whose first contact is at least this old can be judged. Default 60 days. */
  minObservationDays?: number
  /** Groups with fewer customers are left out. Default 1. */
  minCustomers?: number
}

/**
 * Share of customers still active at `now` per group; a customer may belong to several groups
 * (`keysOf` returns them) or none. Only customers first seen at least `minObservationDays` before
 * `now` count, so that every counted customer had time to churn. Groups in descending size.
 *
 * @example
 * groupRetention(spans, now, (s) => (s.firstChannel ? [s.firstChannel] : []))
 * //=> [{ key: 'email', customers: 340, retained: 251, rate: 0.738, ci: [0.69, 0.78] }, ...]
 */
export function groupRetention<K>(
  spans: readonly CustomerSpan[],
  now: number,
  keysOf: (span: CustomerSpan) => readonly K[],
  options: CohortOptions = {},
): GroupRetention<K>[] {
  const horizon = now - (options.minObservationDays ?? 60) * DAY_MS
  const counts = new Map<K, { customers: number; retained: number }>()
  for (const s of spans) {
    if ((s.firstContactAt ?? s.firstSeen) > horizon) continue
    for (const key of keysOf(s)) {
      const c = counts.get(key) ?? { customers: 0, retained: 0 }
      c.customers++
      if (s.churnedAt === null) c.retained++
      counts.set(key, c)
    }
  }
  const out: GroupRetention<K>[] = []
  for (const [key, c] of counts) {
    if (c.customers < (options.minCustomers ?? 1)) continue
    const ci = wilson95(c.retained, c.customers) ?? [0, 1]
    out.push({
      key,
      customers: c.customers,
      retained: c.retained,
      rate: c.retained / c.customers,
      ci,
    })
  }
  return out.sort((a, b) => b.customers - a.customers)
}
