import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

import { queryKeys } from './queryKeys'
import { useReportSource } from './useReportSource'

/** How often the status is asked again while the first sync runs (change notices cover the rest). */
export const FIRST_SYNC_POLL_MS = 5_000

/**
 * The report source's status (tickets synced, complete or partial, last update, fallback mode),
 * polled while the first sync runs, plus a clock ticking every second for "updated N s ago".
 */
export function useSyncStatus() {
  const source = useReportSource()
  const query = useQuery({
    queryKey: queryKeys.syncStatus.all,
    queryFn: () => source.status(),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.complete === false ? FIRST_SYNC_POLL_MS : false),
  })
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return { ...query, now }
}
