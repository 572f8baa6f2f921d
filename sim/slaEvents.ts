// SLA policies of the generated account and each ticket's ticket metric events (activate, apply_sla,
// pause, breach, fulfill), consistent with the ticket's own timeline.
import type { Json } from './entities'
import type { Lifecycle, TicketState } from './lifecycle'
import { hash32 } from './random'
import { SLA_POLICY_IDS, type Skeleton } from './skeleton'
import { MINUTE_MS, iso } from './time'
// SLA POLICIES AND METRIC EVENTS

type PolicyMetric = { priority: string; metric: string; target: number; business_hours: boolean }
export type SlaPolicy = { id: number; title: string; description: string; metrics: PolicyMetric[] }

/** The two SLA policies of the account (calendar-hour targets, in minutes). */
export const SLA_POLICIES: readonly SlaPolicy[] = [
  {
    id: SLA_POLICY_IDS[0],
    title: 'Urgent and high priority',
    description: 'Fast lane for urgent and high priority tickets',
    metrics: [
      { priority: 'urgent', metric: 'first_reply_time', target: 60, business_hours: false },
      { priority: 'high', metric: 'first_reply_time', target: 240, business_hours: false },
      { priority: 'urgent', metric: 'requester_wait_time', target: 480, business_hours: false },
      { priority: 'high', metric: 'requester_wait_time', target: 1440, business_hours: false },
    ],
  },
  {
    id: SLA_POLICY_IDS[1],
    title: 'Standard',
    description: 'Normal and low priority tickets',
    metrics: [
      { priority: 'normal', metric: 'first_reply_time', target: 480, business_hours: false },
      { priority: 'low', metric: 'first_reply_time', target: 1440, business_hours: false },
      { priority: 'normal', metric: 'requester_wait_time', target: 2880, business_hours: false },
      { priority: 'low', metric: 'requester_wait_time', target: 5760, business_hours: false },
    ],
  },
]

export function slaPolicyJson(
  skeleton: Skeleton,
  p: SlaPolicy,
  position: number,
  baseUrl: string,
): Json {
  const priorities = [...new Set(p.metrics.map((m) => m.priority))]
  return {
    url: `${baseUrl}/api/v2/slas/policies/${p.id}.json`,
    id: p.id,
    title: p.title,
    description: p.description,
    position,
    filter: {
      all: [],
      any: priorities.map((value) => ({ field: 'priority', operator: 'is', value })),
    },
    policy_metrics: p.metrics,
    created_at: iso(skeleton.startMs - 30 * 86_400_000),
    updated_at: iso(skeleton.startMs - 30 * 86_400_000),
  }
}

export function policyFor(priority: string): { policy: SlaPolicy; reply: number; wait: number } {
  const policy = priority === 'urgent' || priority === 'high' ? SLA_POLICIES[0] : SLA_POLICIES[1]
  if (!policy) throw new Error('no SLA policy')
  const target = (metric: string): number =>
    policy.metrics.find((m) => m.priority === priority && m.metric === metric)?.target ?? 0
  return { policy, reply: target('first_reply_time'), wait: target('requester_wait_time') }
}

/** A ticket metric event before its account-wide id is assigned. */
export type RawMetricEvent = {
  timeMs: number
  ticketId: number
  metric: 'reply_time' | 'requester_wait_time' | 'resolution_time' | 'agent_work_time'
  instanceId: number
  type: 'activate' | 'pause' | 'fulfill' | 'apply_sla' | 'breach'
  sla?: Json
  deleted?: boolean
  /** Position in the ticket's own event list (stable as the clock advances). */
  index?: number
}

export const METRIC_EVENT_BASE = 70_000_000_000

/** Account-wide event id: stable for a (ticket, position) pair whatever the clock does. */
export function metricEventId(e: RawMetricEvent): number {
  return METRIC_EVENT_BASE + e.ticketId * 32 + (e.index ?? 0)
}

/** Ticket metric events of one ticket up to `now`, in time order. */
export function metricEvents(
  lifecycle: Lifecycle,
  state: TicketState,
  now: number,
): RawMetricEvent[] {
  const cut = state.status === 'deleted' ? lifecycle.deletedMs : now
  const out: RawMetricEvent[] = []
  const add = (e: RawMetricEvent): void => {
    if (e.timeMs <= cut) out.push(e)
  }
  const t = lifecycle.id
  const c = lifecycle.createdMs
  const { policy, reply, wait } = policyFor(lifecycle.priority)
  const slaOf = (target: number): Json => ({
    target,
    business_hours: false,
    policy: { id: policy.id, title: policy.title, description: policy.description },
  })
  const solveMs = lifecycle.finalSolveMs
  const replyEnd = Number.isNaN(lifecycle.firstReplyMs)
    ? lifecycle.firstSolveMs
    : lifecycle.firstReplyMs
  add({ timeMs: c, ticketId: t, metric: 'reply_time', instanceId: 1, type: 'activate' })
  add({
    timeMs: c,
    ticketId: t,
    metric: 'reply_time',
    instanceId: 1,
    type: 'apply_sla',
    sla: slaOf(reply),
  })
  // A ticket nobody has answered yet (one created in the session) breaches once the clock passes.
  if ((Number.isNaN(replyEnd) ? Infinity : replyEnd) - c > reply * MINUTE_MS) {
    // About 1 % of breaches are later retracted (deleted: true); the SLA then counts as achieved.
    const retracted = hash32(t, 'retract') % 100 === 0
    add({
      timeMs: c + reply * MINUTE_MS,
      ticketId: t,
      metric: 'reply_time',
      instanceId: 1,
      type: 'breach',
      deleted: retracted,
    })
  }
  add({ timeMs: replyEnd, ticketId: t, metric: 'reply_time', instanceId: 1, type: 'fulfill' })

  add({ timeMs: c, ticketId: t, metric: 'requester_wait_time', instanceId: 1, type: 'activate' })
  add({
    timeMs: c,
    ticketId: t,
    metric: 'requester_wait_time',
    instanceId: 1,
    type: 'apply_sla',
    sla: slaOf(wait),
  })
  const pendingEnd = lifecycle.pendingStartMs + lifecycle.pendingMin * MINUTE_MS
  if (lifecycle.pendingMin > 0) {
    add({
      timeMs: lifecycle.pendingStartMs,
      ticketId: t,
      metric: 'requester_wait_time',
      instanceId: 1,
      type: 'pause',
    })
    add({
      timeMs: pendingEnd,
      ticketId: t,
      metric: 'requester_wait_time',
      instanceId: 1,
      type: 'activate',
    })
  }
  const waited =
    ((Number.isNaN(solveMs) ? Infinity : solveMs) - c) / MINUTE_MS - lifecycle.pendingMin
  if (waited > wait) {
    const beforePending =
      lifecycle.pendingMin > 0 ? (lifecycle.pendingStartMs - c) / MINUTE_MS : Infinity
    const breachMs = c + (wait <= beforePending ? wait : wait + lifecycle.pendingMin) * MINUTE_MS
    add({
      timeMs: breachMs,
      ticketId: t,
      metric: 'requester_wait_time',
      instanceId: 1,
      type: 'breach',
      deleted: false,
    })
  }
  add({
    timeMs: solveMs,
    ticketId: t,
    metric: 'requester_wait_time',
    instanceId: 1,
    type: 'fulfill',
  })

  add({ timeMs: c, ticketId: t, metric: 'resolution_time', instanceId: 1, type: 'activate' })
  if (!Number.isNaN(lifecycle.reopenMs)) {
    add({
      timeMs: lifecycle.firstSolveMs,
      ticketId: t,
      metric: 'resolution_time',
      instanceId: 1,
      type: 'fulfill',
    })
    add({
      timeMs: lifecycle.reopenMs,
      ticketId: t,
      metric: 'resolution_time',
      instanceId: 1,
      type: 'activate',
    })
  }
  add({ timeMs: solveMs, ticketId: t, metric: 'resolution_time', instanceId: 1, type: 'fulfill' })

  add({ timeMs: c, ticketId: t, metric: 'agent_work_time', instanceId: 1, type: 'activate' })
  if (lifecycle.pendingMin > 0) {
    add({
      timeMs: lifecycle.pendingStartMs,
      ticketId: t,
      metric: 'agent_work_time',
      instanceId: 1,
      type: 'pause',
    })
    add({
      timeMs: pendingEnd,
      ticketId: t,
      metric: 'agent_work_time',
      instanceId: 1,
      type: 'activate',
    })
  }
  add({ timeMs: solveMs, ticketId: t, metric: 'agent_work_time', instanceId: 1, type: 'fulfill' })
  out.sort((a, b) => a.timeMs - b.timeMs)
  out.forEach((e, k) => {
    e.index = k
  })
  return out
}

/** Zendesk JSON of a metric event with its id. */
export function metricEventJson(e: RawMetricEvent): Json {
  const j: Json = {
    id: metricEventId(e),
    ticket_id: e.ticketId,
    metric: e.metric,
    instance_id: e.instanceId,
    type: e.type,
    time: iso(e.timeMs),
  }
  if (e.sla) j.sla = e.sla
  if (e.deleted !== undefined) j.deleted = e.deleted
  return j
}
