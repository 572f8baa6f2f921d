// Ticket metric events (`GET /api/v2/incremental/ticket_metric_events`) → the core's SlaEvent.

import { isRecord, SLA_EVENT_TYPES, SLA_METRICS } from '@/core'
import type { SlaEvent, SlaEventType, SlaMetric } from '@/core'
import { count } from './reasons'
import type { ReasonCounts } from './reasons'

const TYPES = new Set<string>(SLA_EVENT_TYPES)
// Every reported metric but the two that `reply_time` becomes, by its instance.
const PLAIN_METRICS = new Set<string>(SLA_METRICS.filter((m) => !m.endsWith('_reply_time')))

/**
 * Maps an API metric and instance to a reported SLA metric: `reply_time` instance 1 is
 * `first_reply_time`, later instances `next_reply_time` [Z-SLA-EV]; unknown metrics give null.
 *
 * @example
 * slaMetricOf('reply_time', 2) //=> 'next_reply_time'
 */
export function slaMetricOf(metric: unknown, instanceId: number): SlaMetric | null {
  if (metric === 'reply_time') return instanceId <= 1 ? 'first_reply_time' : 'next_reply_time'
  if (typeof metric === 'string' && PLAIN_METRICS.has(metric)) return metric as SlaMetric
  return null
}

/**
 * One ticket metric event, or null (counted as `invalidSlaEvent`) when a field is unusable.
 *
 * @example
 * normalizeMetricEvent({ id: 1, ticket_id: 5, metric: 'reply_time', instance_id: 1,
 *   type: 'breach', time: '2024-03-04T10:00:00Z', deleted: false }, reasons)
 * //=> { id: 1, ticketId: 5, metric: 'first_reply_time', instanceId: 1, type: 'breach', time: 1709546400000, deleted: false }
 */
export function normalizeMetricEvent(event: unknown, reasons: ReasonCounts): SlaEvent | null {
  if (!isRecord(event)) {
    count(reasons, 'invalidSlaEvent')
    return null
  }
  const ticketId = event.ticket_id
  const instanceId = typeof event.instance_id === 'number' ? event.instance_id : 1
  const metric = slaMetricOf(event.metric, instanceId)
  const time = typeof event.time === 'string' ? Date.parse(event.time) : NaN
  const type = event.type
  if (
    typeof ticketId !== 'number' ||
    !Number.isSafeInteger(ticketId) ||
    metric === null ||
    Number.isNaN(time) ||
    typeof type !== 'string' ||
    !TYPES.has(type)
  ) {
    count(reasons, 'invalidSlaEvent')
    return null
  }
  return {
    id: typeof event.id === 'number' ? event.id : 0,
    ticketId,
    metric,
    instanceId,
    type: type as SlaEventType,
    time,
    deleted: event.deleted === true,
  }
}
