import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

import { subscribeChanges } from '../notices/channel'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { invalidationsFor } from './noticeKeys'
import type { NoticeKeyMap } from './noticeKeys'

/**
 * Listens to the background's change notices for this account and invalidates only the queries
 * each notice concerns (per `map`), so views refresh without polling. Mounted once per location;
 * the map may change between renders.
 *
 * @example
 * useChangeNotices(dashboardNoticeKeys)
 * useChangeNotices({ syncStatus: [queryKeys.syncStatus.all] })
 */
export function useChangeNotices(map: NoticeKeyMap): void {
  const { client, context } = useRegisteredClient()
  const queryClient = useQueryClient()
  const current = useRef(map)
  current.current = map
  const subdomain = context.account.subdomain

  useEffect(
    () =>
      subscribeChanges(
        subdomain,
        (notice) => {
          for (const filters of invalidationsFor(current.current, notice)) {
            // A fetch already under way is not restarted: during the first sync notices come
            // every few seconds, and a slow answer (a drill-down, a tier split) would never land.
            queryClient
              .invalidateQueries(filters, { cancelRefetch: false })
              .catch((err: unknown) => {
                console.warn('Retention Radar: could not refresh after a change notice', err)
              })
          }
        },
        { zaf: client },
      ),
    [client, subdomain, queryClient],
  )
}
