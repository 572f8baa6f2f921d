// Minutes to the next SLA breach from a ticket's metric events (the SLA clocks Zendesk runs).

import { MINUTE_MS } from './_lib/parse'
import type { SlaEventType, SlaMetric } from '../types'

/** A ticket metric event with the target of `apply_sla` events (docs/zendesk-api.md §3.6). */
export interface SlaClockEvent {
  metric: SlaMetric
  instanceId: number
  type: SlaEventType
  time: number
  deleted: boolean
  /** `sla.target` of an `apply_sla` / `apply_group_sla` event, minutes; null otherwise. */
  targetMinutes: number | null
}

interface Clock {
  target: number | null
  runningSince: number | null
  elapsedMs: number
  done: boolean
  breachedAt: number | null
}

/**
 * Minutes left before the ticket's next SLA breach as of `now`, from its ticket metric events:
 * per metric instance with an applied target, the clock runs from `activate` to `pause` or
 * `fulfill` (a later `activate` reopens it); a non-deleted `breach` on an unfulfilled clock means
 * breached (negative: minutes since the breach). Fulfilled clocks and clocks without a target do
 * not count. Returns the smallest value, or null when no clock is live. Business-hours targets
 * are treated as calendar minutes (the ticket badge also shows calendar time, [Z7]).
 *
 * @example
 * // reply_time target 60, activated at 09:00, now 09:35 → 25
 * minutesToBreachFromEvents(events, Date.parse('2024-03-04T09:35:00Z')) //=> 25
 */
export function minutesToBreachFromEvents(
  events: readonly SlaClockEvent[],
  now: number,
): number | null {
  const clocks = new Map<string, Clock>()
  const sorted = events.filter((e) => e.time <= now).sort((a, b) => a.time - b.time)
  for (const e of sorted) {
    const key = `${e.metric}#${e.instanceId}`
    const c = clocks.get(key) ?? {
      target: null,
      runningSince: null,
      elapsedMs: 0,
      done: false,
      breachedAt: null,
    }
    clocks.set(key, c)
    if ((e.type === 'apply_sla' || e.type === 'apply_group_sla') && e.targetMinutes !== null) {
      c.target = e.targetMinutes
    } else if (e.type === 'activate') {
      if (c.runningSince === null) c.runningSince = e.time
      c.done = false
    } else if (e.type === 'pause' || e.type === 'fulfill') {
      if (c.runningSince !== null) c.elapsedMs += e.time - c.runningSince
      c.runningSince = null
      if (e.type === 'fulfill') c.done = true
    } else if (e.type === 'breach' && !e.deleted) {
      c.breachedAt ??= e.time
    }
  }
  let best: number | null = null
  for (const c of clocks.values()) {
    if (c.done || c.target === null) continue
    const left =
      c.breachedAt !== null
        ? -(now - c.breachedAt) / MINUTE_MS
        : c.target -
          (c.elapsedMs + (c.runningSince === null ? 0 : now - c.runningSince)) / MINUTE_MS
    const rounded = Math.round(left)
    if (best === null || rounded < best) best = rounded
  }
  return best
}
