import type { InvalidateQueryFilters } from '@tanstack/react-query'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

import { subscribeChanges } from '../notices/channel'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { invalidationsFor } from './noticeKeys'
import type { NoticeKeyMap } from './noticeKeys'

export type ChangeNoticeOptions = {
  /**
   * At most one refresh of the same query key per this many ms: the first notice refreshes at
   * once, later ones within the interval are merged into one refresh at its end. During a first
   * sync a page lands every second or two, and a view that asked again on each would keep the
   * background answering its own repeats instead of the question a person waits on. Filters
   * with a predicate are never merged. Default 0: every notice refreshes at once.
   */
  minIntervalMs?: number
  /**
   * Restart a fetch already under way instead of leaving it to finish (default false). For a
   * small query whose newest answer is what counts (the sync status): an answer asked for before
   * the change would otherwise stand until the next notice.
   */
  restart?: boolean
}

/**
 * Listens to the background's change notices for this account and invalidates only the queries
 * each notice concerns (per `map`), so views refresh without polling. Mounted once per location;
 * the map may change between renders.
 *
 * @example
 * useChangeNotices(dashboardNoticeKeys, { minIntervalMs: 5_000 })
 * useChangeNotices({ syncStatus: [queryKeys.syncStatus.all] }, { restart: true })
 */
export function useChangeNotices(map: NoticeKeyMap, options: ChangeNoticeOptions = {}): void {
  const { client, context } = useRegisteredClient()
  const queryClient = useQueryClient()
  const current = useRef(map)
  current.current = map
  const subdomain = context.account.subdomain
  const minIntervalMs = options.minIntervalMs ?? 0
  const restart = options.restart ?? false

  useEffect(() => {
    const refresh = (filters: InvalidateQueryFilters) => {
      // Unless asked to, a fetch already under way is not restarted: during the first sync notices
      // come every few seconds, and a slow answer (a drill-down, a tier split) would never land.
      queryClient.invalidateQueries(filters, { cancelRefetch: restart }).catch((err: unknown) => {
        console.warn('Retention Radar: could not refresh after a change notice', err)
      })
    }
    // per query key: when it was last refreshed, and the refresh waiting for the interval's end
    const last = new Map<string, number>()
    const waiting = new Map<string, ReturnType<typeof setTimeout>>()
    const throttled = (filters: InvalidateQueryFilters) => {
      if (minIntervalMs <= 0 || filters.predicate !== undefined) return refresh(filters)
      const key = JSON.stringify(filters.queryKey ?? null)
      if (waiting.has(key)) return undefined
      const wait = (last.get(key) ?? -Infinity) + minIntervalMs - Date.now()
      const run = () => {
        waiting.delete(key)
        last.set(key, Date.now())
        refresh(filters)
      }
      if (wait <= 0) return run()
      waiting.set(key, setTimeout(run, wait))
      return undefined
    }
    const unsubscribe = subscribeChanges(
      subdomain,
      (notice) => {
        for (const filters of invalidationsFor(current.current, notice)) throttled(filters)
      },
      { zaf: client },
    )
    return () => {
      unsubscribe()
      for (const timer of waiting.values()) clearTimeout(timer)
    }
  }, [client, subdomain, queryClient, minIntervalMs, restart])
}
