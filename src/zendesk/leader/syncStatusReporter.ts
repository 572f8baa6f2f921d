// Turns the leader's sync progress into the stored sync status (src/zendesk/leader/syncStatus.ts)
// that the dashboard's status area reads in any tab: the leader tab, the last page with its time,
// and every new error with its time.

import type { KeyValueStore } from './tabs'
import { writeSyncStatus } from './syncStatus'

/** The part of the team sync's progress the status needs. */
export type ProgressLike = {
  pagesDone: number
  eventPagesDone: number
  caughtUp: boolean
  error: { message: string } | null
}

/**
 * A progress listener that records the sync's status for `tabId`: a heartbeat at most every
 * `minIntervalMs` (default 5 s) and at once on a new page, a change of caught-up or an error.
 */
export function syncStatusReporter(options: {
  store: KeyValueStore
  key: string
  tabId: string
  now?: () => number
  minIntervalMs?: number
}): (progress: ProgressLike) => void {
  const now = options.now ?? Date.now
  const minInterval = options.minIntervalMs ?? 5_000
  let last: { pages: number; caughtUp: boolean; error: string | null; at: number } | null = null
  return (progress) => {
    const at = now()
    const pages = progress.pagesDone + progress.eventPagesDone
    const error = progress.error?.message ?? null
    const newPage = last === null || pages > last.pages
    const newError = error !== null && error !== last?.error
    const changed = newPage || newError || progress.caughtUp !== last?.caughtUp
    if (!changed && last !== null && at - last.at < minInterval) return
    writeSyncStatus(options.store, options.key, {
      tabId: options.tabId,
      at,
      pagesDone: pages,
      ...(newPage && pages > 0 ? { lastPageAt: at } : {}),
      caughtUp: progress.caughtUp,
      ...(newError ? { error: { message: error, at } } : {}),
    })
    last = { pages, caughtUp: progress.caughtUp, error, at }
  }
}
