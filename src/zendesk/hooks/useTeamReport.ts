import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

import type { ReportRange } from '@/core'

import type { NameLookup } from '../report/types'

import { queryKeys } from './queryKeys'
import { useReportSource } from './useReportSource'

/**
 * The team KPI report of `range` and its previous period from the report source; with
 * `segments: 'tier'` also split by VIP tier (a second pass over the tickets, so the dashboard asks
 * for it only when the tier split is on screen and the first cards do not wait for it). While a new
 * range loads the previous answer stays on screen (flagged `isPlaceholderData`).
 */
export function useTeamReport(
  range: ReportRange | null,
  segments: 'tier' | null = null,
  enabled = true,
) {
  const source = useReportSource()
  return useQuery({
    queryKey: queryKeys.teamReport.one(
      range?.from ?? '',
      range?.to ?? '',
      range?.timeZone ?? 'UTC',
      segments ?? '',
    ),
    queryFn: () =>
      segments === null
        ? source.report(range as ReportRange)
        : source.report(range as ReportRange, { segments }),
    enabled: enabled && range !== null,
    placeholderData: keepPreviousData,
  })
}

/**
 * Asks for the reports of `ranges` once the report on screen has arrived (`ready`), so switching
 * to another preset finds its report cached. One at a time, after the visible one: the background
 * computes reports in turn, and the range on screen must never wait behind a prefetch.
 */
export function usePrefetchTeamReports(ranges: readonly ReportRange[], ready: boolean): void {
  const source = useReportSource()
  const queryClient = useQueryClient()
  const key = ranges.map((r) => `${r.from}/${r.to}/${r.timeZone ?? 'UTC'}`).join(',')
  useEffect(() => {
    if (!ready) return undefined
    const run = { cancelled: false }
    void (async () => {
      for (const range of ranges) {
        if (run.cancelled) return
        await queryClient
          .prefetchQuery({
            queryKey: queryKeys.teamReport.one(range.from, range.to, range.timeZone ?? 'UTC', ''),
            queryFn: () => source.report(range),
          })
          .catch(() => undefined)
      }
    })()
    return () => {
      run.cancelled = true
    }
    // `key` stands for `ranges` (a new array each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready, source, queryClient])
}

const NO_NAMES: NameLookup = { users: {}, groups: {} }

/**
 * Names of the agents, customers and groups the dashboard lists, from the report source; an empty
 * lookup when the source cannot name people (the tables then label rows by id).
 */
export function useTeamNames(ids: { users: readonly number[]; groups: readonly number[] }) {
  const source = useReportSource()
  const users = [...new Set(ids.users)].sort((a, b) => a - b)
  const groups = [...new Set(ids.groups)].sort((a, b) => a - b)
  return useQuery({
    queryKey: ['teamNames', users.join(','), groups.join(',')] as const,
    queryFn: () => (source.names ? source.names({ users, groups }) : Promise.resolve(NO_NAMES)),
    enabled: users.length + groups.length > 0,
    placeholderData: keepPreviousData,
  })
}
