// Customer retention rate per period: (E − N) / S.

import { DAY_MS } from '../_lib/parse'
import type { CustomerSpan } from './customerSpans'
import { isActiveAt } from './customerSpans'

export interface RetentionRate {
  from: number
  to: number
  /** S: customers active at the start. */
  start: number
  /** E: customers active at the end. */
  end: number
  /** N: customers who became customers during the period. */
  new: number
  /** (E − N) / S; null when S is 0. */
  rate: number | null
}

/**
 * Customer retention rate of the period [from, to): **((E − N) / S)** (docs/kpi-definitions.md B.1,
 * [R1]), with "active" as defined by `customerSpans` (not churned by the inactivity rule). A new
 * customer who already churned within the period is in N but not in E, which the formula accepts.
 *
 * @example
 * retentionRate(spans, Date.parse('2026-01-01'), Date.parse('2026-04-01'))
 * //=> { start: 200, end: 210, new: 30, rate: 0.9, ... }
 */
export function retentionRate(
  spans: readonly CustomerSpan[],
  from: number,
  to: number,
): RetentionRate {
  let start = 0
  let end = 0
  let added = 0
  for (const s of spans) {
    if (isActiveAt(s, from)) start++
    if (isActiveAt(s, to)) end++
    if (s.firstSeen > from && s.firstSeen <= to) added++
  }
  return { from, to, start, end, new: added, rate: start > 0 ? (end - added) / start : null }
}

/**
 * Retention rates of consecutive periods of `periodDays` (default 30) ending at `to`, oldest
 * first; `periods` (default 12) of them.
 *
 * @example
 * retentionRates(spans, now, { periods: 3 }).map((r) => r.rate) //=> [0.93, 0.91, 0.94]
 */
export function retentionRates(
  spans: readonly CustomerSpan[],
  to: number,
  options: { periodDays?: number; periods?: number } = {},
): RetentionRate[] {
  const len = (options.periodDays ?? 30) * DAY_MS
  const n = Math.max(0, Math.floor(options.periods ?? 12))
  const out: RetentionRate[] = []
  for (let i = n; i >= 1; i--) out.push(retentionRate(spans, to - i * len, to - (i - 1) * len))
  return out
}
