// Normalisation of Zendesk export pages into the core's records, with data-quality counts.

import type { SlaEvent, TicketRecord } from '@/core'
import { normalizeMetricEvent } from './events'
import { count } from './reasons'
import type { ReasonCounts } from './reasons'
import { normalizeExportPage } from './exportPage'

export { normalizeChannel } from './channel'
export { normalizeExportPage, storedOrganizationOf, storedUserOf } from './exportPage'

export { normalizeMetricEvent } from './events'
export { SKIP_REASONS } from './reasons'
export type { ReasonCounts } from './reasons'

export interface NormalizedTickets {
  records: TicketRecord[]
  /** Tickets of the page that were dropped (their reasons are in `reasons`). */
  skipped: number
  reasons: ReasonCounts
  /** Smallest and largest version instant (ms) on the page, for page-order checks. */
  minVersion: number
  maxVersion: number
}

/**
 * The tickets of one export page, joined with the page's `metric_sets` sideload by `ticket_id`
 * (the engine's view of `normalizeExportPage`). Never throws; a non-array `tickets` gives no records.
 *
 * @example
 * normalizeTicketPage({ tickets: [ticket], metric_sets: [metricSet] }).records.length //=> 1
 */
export function normalizeTicketPage(page: {
  tickets?: unknown
  metric_sets?: unknown
}): NormalizedTickets {
  const { records, skipped, reasons, minVersion, maxVersion } = normalizeExportPage({
    tickets: page.tickets,
    metric_sets: page.metric_sets,
  })
  return { records, skipped, reasons, minVersion, maxVersion }
}

/**
 * The events of one ticket metric events page.
 *
 * @example
 * normalizeMetricEventPage({ ticket_metric_events: [event] }).events.length //=> 1
 */
export function normalizeMetricEventPage(page: { ticket_metric_events?: unknown }): {
  events: SlaEvent[]
  reasons: ReasonCounts
} {
  const reasons: ReasonCounts = {}
  const events: SlaEvent[] = []
  const raw: unknown[] = Array.isArray(page.ticket_metric_events) ? page.ticket_metric_events : []
  for (const e of raw) {
    const event = normalizeMetricEvent(e, reasons)
    if (event !== null) events.push(event)
  }
  if (!Array.isArray(page.ticket_metric_events)) count(reasons, 'invalidSlaEvent')
  return { events, reasons }
}
