// The sync's time-left estimate: pages left × the observed pace (never faster than the export
// limit allows), from search/count's total when known, else extrapolated from how far
// `generated_timestamp` got.

import type { TicketSyncState } from '../store/db'

/** The incremental export's floor: 10 pages a minute. */
export const EXPORT_PAGE_MS = 60_000 / 10

export type EtaInput = {
  state: TicketSyncState
  now: number
  /** When this run committed its first page, and how many pages it committed. */
  run: { firstPageAt: number | null; pages: number }
  perPage: number
  searchPageSize: number
}

/**
 * Estimated ms to catch up; 0 when caught up, null before there is anything to go on.
 *
 * @example
 * syncEta({ state: { ...s, expectedTotal: 10_000, ticketsSynced: 4_000 }, now, run, perPage: 1000, searchPageSize: 100 })
 * //=> 36_000 (6 pages left × 6 s)
 */
export function syncEta(input: EtaInput): number | null {
  const { state: s, now, run, perPage, searchPageSize } = input
  if (s.caughtUp) return 0
  const pace = Math.max(
    s.source === 'incremental' ? EXPORT_PAGE_MS : 0,
    run.firstPageAt !== null && run.pages > 1 ? (now - run.firstPageAt) / (run.pages - 1) : 0,
  )
  if (s.source === 'search-fallback') {
    if (s.passTotal === null) return null
    const left = Math.max(0, s.passTotal - s.passDone)
    return Math.round(Math.ceil(left / searchPageSize) * pace)
  }
  if (s.expectedTotal !== null) {
    const left = Math.max(0, s.expectedTotal - s.ticketsSynced)
    return Math.round(Math.ceil(left / perPage) * pace)
  }
  return etaFromGenerated({
    firstGenerated: s.firstGenerated,
    lastGenerated: s.lastGenerated,
    pages: s.pagesDone,
    now,
    pageMs: pace,
  })
}

/**
 * Time left of an incremental export from how far `generated_timestamp` got: the share of the
 * account's history already exported, and the pages it took, give the pages left.
 *
 * @example
 * // half of the history in 10 pages at 6 s a page: 10 pages left
 * etaFromGenerated({ firstGenerated: 0, lastGenerated: 500, pages: 10, now: 1_000_000, pageMs: 6000 }) //=> 60_000
 */
export function etaFromGenerated(input: {
  firstGenerated: number | null
  lastGenerated: number | null
  pages: number
  /** Epoch ms. */
  now: number
  pageMs: number
}): number | null {
  const { firstGenerated, lastGenerated, pages, now, pageMs } = input
  if (lastGenerated === null || firstGenerated === null || pages === 0) return null
  const span = now / 1000 - firstGenerated
  const done = lastGenerated - firstGenerated
  if (span <= 0 || done <= 0) return null
  const fraction = Math.min(1, done / span)
  return Math.round(((pages * (1 - fraction)) / fraction) * pageMs)
}
