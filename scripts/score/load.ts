// Reads a dataset file (NDJSON export pages) into the value model's inputs, through the same page
// normaliser as the sync and the kpi command (normalizeExportPage, via the dataset builder).

import { CustomerDatasetBuilder, slaClockEvents } from '@/zendesk/customers'
import type { CustomerDataset, SlaClockEvent } from '@/zendesk/customers'
import { DatasetFormatError } from '../kpi/source'
import type { PageSource } from '../kpi/source'

/**
 * Every ticket page of `source` into a CustomerDataset. Ticket metric event pages are skipped;
 * any other line is a DatasetFormatError naming it.
 */
export async function loadDataset(source: PageSource): Promise<CustomerDataset> {
  const builder = new CustomerDatasetBuilder()
  for await (const item of source.items()) {
    if (item.kind === 'truncated') continue
    const page = item.value
    const isPage = typeof page === 'object' && page !== null && !Array.isArray(page)
    if (isPage && 'tickets' in page && Array.isArray(page.tickets)) builder.addPage(page)
    else if (!(isPage && 'ticket_metric_events' in page)) {
      throw new DatasetFormatError(
        `${item.where}: expected an incremental export page ({"tickets": [...], "users": [...], ...})`,
      )
    }
  }
  return builder.result()
}

/**
 * The SLA clock events of one ticket from a ticket metric event file (other tickets' events are
 * skipped as they are read). A line that is not an event page is a DatasetFormatError.
 */
export async function loadSlaEvents(
  source: PageSource,
  ticketId: number,
): Promise<SlaClockEvent[]> {
  const events: SlaClockEvent[] = []
  const only = new Set([ticketId])
  for await (const item of source.items()) {
    if (item.kind === 'truncated') continue
    const page = item.value
    const ok = typeof page === 'object' && page !== null && 'ticket_metric_events' in page
    if (!ok) {
      throw new DatasetFormatError(
        `${item.where}: expected a ticket metric events page ({"ticket_metric_events": [...]})`,
      )
    }
    events.push(...(slaClockEvents(page, {}, only).get(ticketId) ?? []))
  }
  return events
}
