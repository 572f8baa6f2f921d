// The requester's history for the sidebar: one API request cold, none while fresh (TanStack Query
// in this frame, the tab's sessionStorage across frames). A failed refresh keeps the last answer,
// so a rate-limited sidebar still shows data with its age.

import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import type { RequesterHistory } from '../history'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { historyCache } from './historyCache'
import type { HistoryCache } from './historyCache'
import { queryKeys } from './queryKeys'
import { sidebarApi } from './sidebarApi'
import { useSettings } from './useSettings'

/** How long a history answer is used without asking again. */
export const HISTORY_FRESH_MS = 5 * 60_000

/**
 * The history of `requesterId` (disabled while null).
 *
 * @example
 * const history = useRequesterHistory(ticket.requester?.id ?? null)
 * history.data?.totalTickets //=> 12
 */
export function useRequesterHistory(requesterId: number | null, cache?: HistoryCache) {
  const { client, context } = useRegisteredClient()
  const { settings } = useSettings()
  const subdomain = context.account.subdomain
  const tabCache = useMemo(() => cache ?? historyCache(), [cache])
  const cached = requesterId === null ? undefined : tabCache.read(subdomain, requesterId)
  return useQuery<RequesterHistory>({
    queryKey: queryKeys.requesterHistory.one(requesterId ?? 0),
    enabled: requesterId !== null,
    queryFn: async () => {
      const { history } = sidebarApi(client, settings)
      const answer = await history.get(requesterId ?? 0, { force: true })
      tabCache.write(subdomain, answer)
      return answer
    },
    ...(cached === undefined
      ? {}
      : { initialData: cached, initialDataUpdatedAt: cached.fetchedAt }),
    staleTime: HISTORY_FRESH_MS,
    // Rate limits and server errors are retried by the governor already.
    retry: false,
  })
}
