// The dashboard's sync status line from the report source's status.

import type { ReportSourceStatus } from '@/zendesk/report/types'

export type SyncProgress =
  | { state: 'none' }
  | {
      state: 'first-sync'
      synced: number
      /** Tickets in the account, when the source knows it. */
      total: number | null
      /** Whole percent synced (0…100) when the total is known. */
      percent: number | null
      /** Minutes left (whole minutes, at least 1 while any time is left), when estimated. */
      minutesLeft: number | null
    }
  | { state: 'synced'; tickets: number; secondsAgo: number | null }

/** Whole seconds from `from` to `to` (epoch ms), never below 0. */
export const secondsBetween = (from: number, to: number): number =>
  Math.max(0, Math.floor((to - from) / 1000))

/**
 * What the status line shows: nothing synced yet, the first sync's progress (tickets synced,
 * share and time left) or, in whole seconds, how long ago the figures were last known current:
 * the sync's last check of the account (`updatedAt`), or in a tab behind another tab's commits
 * the first commit it misses (`behindSince`), whichever is older.
 *
 * @example
 * syncProgress({ tickets: 500, complete: false, totalTickets: 2000, etaMs: 30_000, updatedAt: 1, source: 'incremental', slaAvailable: true }, 2)
 * //=> { state: 'first-sync', synced: 500, total: 2000, percent: 25, minutesLeft: 1 }
 */
export function syncProgress(status: ReportSourceStatus, now: number): SyncProgress {
  if (status.tickets <= 0 && status.updatedAt === null) return { state: 'none' }
  if (!status.complete) {
    const total =
      typeof status.totalTickets === 'number' && status.totalTickets > 0
        ? status.totalTickets
        : null
    const eta = typeof status.etaMs === 'number' && status.etaMs >= 0 ? status.etaMs : null
    return {
      state: 'first-sync',
      synced: status.tickets,
      total,
      percent: total === null ? null : Math.min(100, Math.floor((status.tickets / total) * 100)),
      minutesLeft: eta === null ? null : Math.ceil(eta / 60_000),
    }
  }
  // The figures are current as of the last check of the account; a tab whose copy misses another
  // tab's commits is only current as of the first commit it misses.
  const behind = status.behindSince ?? null
  const asOf =
    status.updatedAt === null
      ? behind
      : behind === null
        ? status.updatedAt
        : Math.min(status.updatedAt, behind)
  return {
    state: 'synced',
    tickets: status.tickets,
    secondsAgo: asOf === null ? null : secondsBetween(asOf, now),
  }
}
