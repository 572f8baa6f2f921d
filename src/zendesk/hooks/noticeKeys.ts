// Which cached queries a change notice concerns. A view passes a map (notice kind → keys or a
// function of the notice) to `useChangeNotices`; these are the maps the sidebar and the dashboard
// start from, and the pure function that turns a notice into invalidation filters.

import type { InvalidateQueryFilters, Query, QueryKey } from '@tanstack/react-query'

import type { ChangeNotice } from '../notices/types'
import { queryKeys } from './queryKeys'

type NoticeOf<K extends ChangeNotice['kind']> = Extract<ChangeNotice, { kind: K }>

/** Keys (prefix match) or full filters, e.g. with a predicate over the query's `meta`. */
export type NoticeTarget = QueryKey | InvalidateQueryFilters

export type NoticeKeyMap = {
  [K in ChangeNotice['kind']]?:
    readonly NoticeTarget[] | ((notice: NoticeOf<K>) => readonly NoticeTarget[])
}

function isFilters(target: NoticeTarget): target is InvalidateQueryFilters {
  return !Array.isArray(target)
}

/**
 * The invalidation filters for `notice` under `map`; empty when the map does not mention its kind.
 *
 * @example
 * invalidationsFor({ syncStatus: [queryKeys.syncStatus.all] }, simpleNotice('syncStatus', 1))
 * //=> [{ queryKey: ['syncStatus'] }]
 */
export function invalidationsFor(
  map: NoticeKeyMap,
  notice: ChangeNotice,
): InvalidateQueryFilters[] {
  const entry = map[notice.kind] as
    readonly NoticeTarget[] | ((n: ChangeNotice) => readonly NoticeTarget[]) | undefined
  if (entry === undefined) return []
  const targets = typeof entry === 'function' ? entry(notice) : entry
  return targets.map((t) => (isFilters(t) ? t : { queryKey: t }))
}

const metaNumber = (query: Query, name: string): number | null => {
  const value = query.meta?.[name]
  return typeof value === 'number' ? value : null
}

/**
 * The sidebar's map: a tickets notice refreshes the history of the requesters it names and the
 * assessments of those requesters (an assessment query says whose it is with `meta.requesterId`)
 * or of the tickets it names; a baseline notice the shared baseline; people the assessments.
 */
export const sidebarNoticeKeys: NoticeKeyMap = {
  tickets: (n) => {
    const requesters = new Set(n.requesterIds)
    const tickets = new Set(n.ticketIds)
    return [
      ...n.requesterIds.map((id) => queryKeys.requesterHistory.one(id)),
      {
        queryKey: queryKeys.customerAssessment.all,
        predicate: (q: Query) => {
          const requester = metaNumber(q, 'requesterId')
          const ticket = q.queryKey[1]
          return (
            (requester !== null && requesters.has(requester)) ||
            (typeof ticket === 'number' && tickets.has(ticket))
          )
        },
      },
    ]
  },
  baseline: [queryKeys.baseline.all, queryKeys.customerAssessment.all],
  people: [queryKeys.customerAssessment.all],
}

/**
 * The dashboard's map for its figures: every committed ticket page changes the reports and their
 * drill-downs; SLA events the KPI report; people the names and retention. The status line has its
 * own map (`dashboardStatusKeys`), refreshed without the figures' interval.
 */
export const dashboardNoticeKeys: NoticeKeyMap = {
  tickets: [queryKeys.teamReport.all, queryKeys.retentionReport.all, queryKeys.drillDown.all],
  slaEvents: [queryKeys.teamReport.all, queryKeys.drillDown.all],
  people: [queryKeys.retentionReport.all, queryKeys.drillDown.all],
}

/**
 * The dashboard's status line ("updated N s ago"): every committed ticket page and every status
 * notice. Refreshed at once and restarting a read under way (see the Dashboard): the sync's phase
 * notices come in bursts just before a page commits, and a status read that was merged into the
 * end of an interval, or asked before the commit, would date new figures by the previous check.
 */
export const dashboardStatusKeys: NoticeKeyMap = {
  tickets: [queryKeys.syncStatus.all],
  syncStatus: [queryKeys.syncStatus.all],
}
