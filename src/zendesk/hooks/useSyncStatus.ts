import { useQuery } from '@tanstack/react-query'

import type { ReportSourceStatus } from '../report/types'
import { queryKeys } from './queryKeys'
import { useNow } from './useNow'
import { useReportSource } from './useReportSource'

/** How often the status is asked again while the figures are known to lag the account. */
export const BEHIND_POLL_MS = 5_000

/**
 * Whether the status must be asked again on a timer: only while the figures lag what the account
 * holds (the first sync still running, or this tab's copy behind another tab's commits). Once
 * current, the background's change notices (`tickets`, `syncStatus`) refresh it, so an idle
 * dashboard sends no request.
 *
 * @example
 * statusPollMs({ complete: false, behindSince: null }) //=> 5000
 * statusPollMs({ complete: true, behindSince: null }) //=> false
 */
export function statusPollMs(
  status: Pick<ReportSourceStatus, 'complete' | 'behindSince'> | undefined,
): number | false {
  if (status === undefined) return false
  return !status.complete || (status.behindSince ?? null) !== null ? BEHIND_POLL_MS : false
}

/**
 * The report source's status (tickets synced, complete or partial, last update, fallback mode),
 * polled only while the figures lag (see `statusPollMs`), plus a clock ticking every second for
 * "updated N s ago".
 */
export function useSyncStatus() {
  const source = useReportSource()
  const query = useQuery({
    queryKey: queryKeys.syncStatus.all,
    queryFn: () => source.status(),
    staleTime: 0,
    refetchInterval: (q) => statusPollMs(q.state.data),
  })
  const now = useNow()
  return { ...query, now }
}
