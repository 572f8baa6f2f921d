// The account's "now" as the SLA data tells it. Zendesk reports each target's breach instant and,
// beside it, the time left in its own unit (`minutes` under an hour, `hours` under a day, else
// `days`), computed on Zendesk's clock when it answered. Deadlines are on that clock, so it is the
// one to compare them with: the browser's clock can be wrong, and in the local workspace the
// account's clock moves with the clock buttons while the browser's does not.

import { MINUTE_MS } from '@/core'

import type { SlaTicketsPage } from './fetchSlaTickets'

const UNITS = [
  ['minutes', MINUTE_MS],
  ['hours', 60 * MINUTE_MS],
  ['days', 24 * 60 * MINUTE_MS],
] as const

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] as number
}

/**
 * Zendesk's clock when the page was answered: from a target's `minutes` left when there is one
 * (±30 s); otherwise the `Date` header or the browser's clock, unless a coarser `hours` / `days`
 * reading shows those are off by more than that unit (then that reading).
 *
 * @example
 * serverClock(pageWithTarget({ breach_at: '2026-10-31T23:59:00Z', minutes: 12 }), Date.now())
 * //=> Date.UTC(2026, 9, 31, 23, 47)
 */
export function serverClock(page: SlaTicketsPage, localNow: number): number {
  const readings: Record<string, number[]> = { minutes: [], hours: [], days: [] }
  for (const ticket of page.tickets) {
    for (const m of ticket.slas?.policy_metrics ?? []) {
      const breachAt = m.breach_at == null ? NaN : Date.parse(m.breach_at)
      if (!Number.isFinite(breachAt)) continue
      for (const [unit, ms] of UNITS) {
        const left = m[unit]
        if (typeof left === 'number' && Number.isFinite(left)) {
          readings[unit]?.push(breachAt - left * ms)
          break
        }
      }
    }
  }
  const fine = readings.minutes ?? []
  if (fine.length > 0) return median(fine)
  const base = page.serverNow ?? localNow
  for (const [unit, ms] of UNITS.slice(1)) {
    const coarse = readings[unit] ?? []
    if (coarse.length > 0) {
      const estimate = median(coarse)
      return Math.abs(estimate - base) > ms ? estimate : base
    }
  }
  return base
}
