// Feeds pages from any source into the engine: checks each page's shape (a format error names the
// page), normalises it and counts every data-quality rule in the engine.

import type { KpiEngine } from '@/core'
import { normalizeExportPage, normalizeMetricEventPage, SKIP_REASONS } from '@/zendesk/normalize'
import type { ReasonCounts } from '@/zendesk/normalize'
import { addNames } from './names'
import type { TeamNames } from './names'
import { DatasetFormatError } from './source'
import type { PageSource } from './source'

export interface IngestSummary {
  ticketPages: number
  eventPages: number
  endOfStream: boolean
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array'
  if (v === null) return 'null'
  if (typeof v === 'object') {
    const keys = Object.keys(v).slice(0, 4)
    return `an object with keys ${keys.length > 0 ? keys.join(', ') : '(none)'}`
  }
  return `a ${typeof v}`
}

const SKIPS = new Set<string>(SKIP_REASONS)

function noteAll(engine: KpiEngine, reasons: ReasonCounts): void {
  // each dropped record has exactly one skip reason: it counts as read but not held
  for (const [reason, n] of Object.entries(reasons) as [keyof ReasonCounts, number][]) {
    engine.note(reason, { count: n, skipped: SKIPS.has(reason) })
  }
}

/**
 * Reads every page of `source` into `engine`, and the names its ticket pages sideload into
 * `names` when given. Pages may hold tickets (incremental ticket export) or ticket metric events;
 * anything else is a DatasetFormatError naming the page.
 */
export async function ingest(
  engine: KpiEngine,
  source: PageSource,
  names?: TeamNames,
): Promise<IngestSummary> {
  const summary: IngestSummary = { ticketPages: 0, eventPages: 0, endOfStream: false }
  let lastMax = -Infinity
  for await (const item of source.items()) {
    if (item.kind === 'truncated') {
      engine.note('truncatedLastLine')
      continue
    }
    const page = item.value
    const obj = typeof page === 'object' && page !== null && !Array.isArray(page) ? page : undefined
    if (obj !== undefined && 'tickets' in obj && Array.isArray(obj.tickets)) {
      summary.ticketPages++
      // the one page normaliser the sync and the score command use too
      const n = normalizeExportPage(obj)
      noteAll(engine, n.reasons)
      // a page holding versions older than the previous page's newest arrived out of order;
      // upserts keep the newest version, so this only counts
      if (n.minVersion < lastMax) engine.note('pageOutOfOrder')
      if (n.maxVersion > lastMax) lastMax = n.maxVersion
      engine.upsertMany(n.records)
      if (names !== undefined) addNames(names, obj)
      if ('end_of_stream' in obj && obj.end_of_stream === true) summary.endOfStream = true
    } else if (
      obj !== undefined &&
      'ticket_metric_events' in obj &&
      Array.isArray(obj.ticket_metric_events)
    ) {
      summary.eventPages++
      const n = normalizeMetricEventPage(obj)
      noteAll(engine, n.reasons)
      engine.addSlaEvents(n.events)
    } else {
      throw new DatasetFormatError(
        `${item.where}: expected an incremental export page ({"tickets": [...], "metric_sets": [...], ` +
          `"end_of_stream": ...}) or a ticket metric events page ({"ticket_metric_events": [...]}), ` +
          `got ${describe(page)}`,
      )
    }
  }
  if (summary.ticketPages > 0 && !summary.endOfStream) engine.note('missingEndOfStream')
  return summary
}
