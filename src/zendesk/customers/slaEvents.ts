// Ticket metric event pages → SLA clock events (with the `apply_sla` target) per ticket.

import { isRecord } from '@/core'
import { normalizeMetricEvent } from '@/zendesk/normalize'
import type { ReasonCounts } from '@/zendesk/normalize'
import type { SlaClockEvent } from './types'

/**
 * The SLA clock events of one `ticket_metric_events` page, by ticket id, optionally only for
 * `ticketIds`. Invalid events are dropped and counted (`invalidSlaEvent`); a target that is not a
 * non-negative number is null.
 *
 * @example
 * slaClockEvents({ ticket_metric_events: [{ ticket_id: 5, metric: 'reply_time', instance_id: 1,
 *   type: 'apply_sla', time: '2024-03-04T09:00:00Z', sla: { target: 60 } }] }, {}).get(5)?.[0]?.targetMinutes //=> 60
 */
export function slaClockEvents(
  page: unknown,
  reasons: ReasonCounts,
  ticketIds?: ReadonlySet<number>,
): Map<number, SlaClockEvent[]> {
  const out = new Map<number, SlaClockEvent[]>()
  const raw =
    isRecord(page) && Array.isArray(page.ticket_metric_events) ? page.ticket_metric_events : []
  for (const item of raw) {
    if (ticketIds !== undefined && !(isRecord(item) && ticketIds.has(item.ticket_id as number)))
      continue
    const e = normalizeMetricEvent(item, reasons)
    if (e === null || !isRecord(item)) continue
    const target = isRecord(item.sla) ? item.sla.target : undefined
    const event: SlaClockEvent = {
      metric: e.metric,
      instanceId: e.instanceId,
      type: e.type,
      time: e.time,
      deleted: e.deleted,
      targetMinutes:
        typeof target === 'number' && Number.isFinite(target) && target >= 0 ? target : null,
    }
    const list = out.get(e.ticketId)
    if (list) list.push(event)
    else out.set(e.ticketId, [event])
  }
  return out
}
