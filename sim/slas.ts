// The `slas` sideload of a ticket (`include=slas`): where each SLA target of the ticket stands now,
// derived from the ticket's own metric events so it always agrees with the metric event export.
import type { Json } from './entities'
import { type RawMetricEvent, metricEvents } from './entities'
import type { Lifecycle, TicketState } from './lifecycle'
import { MINUTE_MS, iso } from './time'

/** Metric names of the sideload (the events call first reply time `reply_time`). */
const SIDELOAD_METRIC: Partial<Record<RawMetricEvent['metric'], string>> = {
  reply_time: 'first_reply_time',
  requester_wait_time: 'requester_wait_time',
}

export type PolicyMetricState = {
  metric: string
  stage: 'active' | 'paused' | 'achieved'
  /** When the target is (or was) breached while the clock runs; null when paused or achieved. */
  breachMs: number | null
}

/**
 * The state of each SLA target of a ticket at `now`: the target's clock runs while the metric is
 * active and stops while it is paused; a fulfilled metric is achieved.
 *
 * @example
 * slaStates(lifecycle, state, now) // [{ metric: 'first_reply_time', stage: 'active', breachMs: 1793000000000 }]
 */
export function slaStates(
  lifecycle: Lifecycle,
  state: TicketState,
  now: number,
): PolicyMetricState[] {
  const events = metricEvents(lifecycle, state, now)
  const out: PolicyMetricState[] = []
  for (const [raw, metric] of Object.entries(SIDELOAD_METRIC)) {
    const own = events
      .filter((e) => e.metric === raw && e.instanceId === 1)
      .sort((a, b) => a.timeMs - b.timeMs)
    const applied = own.find((e) => e.type === 'apply_sla')
    const target = Number(applied?.sla?.target)
    if (!applied || !Number.isFinite(target)) continue
    let stage: PolicyMetricState['stage'] = 'paused'
    let activeSince = NaN
    let usedMs = 0
    for (const e of own) {
      if (e.type === 'activate' && stage !== 'active') {
        stage = 'active'
        activeSince = e.timeMs
      } else if (e.type === 'pause' && stage === 'active') {
        usedMs += e.timeMs - activeSince
        stage = 'paused'
      } else if (e.type === 'fulfill') {
        stage = 'achieved'
      }
    }
    const breachMs = stage === 'active' ? activeSince + target * MINUTE_MS - usedMs : null
    out.push({ metric, stage, breachMs })
  }
  return out
}

/** Time left until the breach in Zendesk's unit: minutes under an hour, hours under a day, else days. */
function timeLeft(breachMs: number, now: number): Json {
  const minutes = (breachMs - now) / MINUTE_MS
  const size = Math.abs(minutes)
  if (size < 60) return { minutes: Math.round(minutes) }
  if (size < 24 * 60) return { hours: Math.round(minutes / 60) }
  return { days: Math.round(minutes / (24 * 60)) }
}

/** The ticket's `slas` object: `{policy_metrics: [{breach_at, stage, metric, minutes|hours|days}]}`. */
export function slasJson(lifecycle: Lifecycle, state: TicketState, now: number): Json {
  return {
    policy_metrics: slaStates(lifecycle, state, now).map((s) => ({
      breach_at: s.breachMs === null ? null : iso(s.breachMs),
      stage: s.stage,
      metric: s.metric,
      ...(s.breachMs === null ? {} : timeLeft(s.breachMs, now)),
    })),
  }
}
