// The account baseline for the sidebar: the record a KPI-role user's background publishes, read with
// one request a day (the shared baseline's own cache), refreshed on a `baseline` change notice.

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'

import { readSharedBaseline } from '../baseline/sharedBaseline'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { queryKeys } from './queryKeys'
import { sidebarApi } from './sidebarApi'
import type { BaselineState } from './useCustomerAssessment'
import { useSettings } from './useSettings'

/**
 * The baseline, or why there is none (the score then uses the threshold settings and says so).
 *
 * @example
 * const baseline = useSharedBaseline()
 * baseline.status //=> 'ready'
 */
export function useSharedBaseline(): BaselineState {
  const { client, context } = useRegisteredClient()
  const { settings } = useSettings()
  const account = context.account.subdomain
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: queryKeys.baseline.all,
    queryFn: () => {
      const { api } = sidebarApi(client, settings)
      // A refetch (after a `baseline` notice) skips the day's cache.
      const refetch = (queryClient.getQueryState(queryKeys.baseline.all)?.dataUpdatedAt ?? 0) > 0
      return readSharedBaseline(api, { account, force: refetch })
    },
    staleTime: Infinity,
    retry: false,
  })
  const answer = query.data
  const error = query.isError ? query.error : null
  // One object per answer, so a component holding it re-renders only when it changes.
  return useMemo((): BaselineState => {
    if (answer === undefined) {
      return error !== null ? { status: 'none', reason: error.message } : { status: 'loading' }
    }
    return answer.status === 'ok'
      ? { status: 'ready', baseline: answer.baseline, computedAt: answer.computedAt }
      : { status: 'none', reason: answer.message }
  }, [answer, error])
}
