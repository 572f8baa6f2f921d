import { NOTICE_VERSION } from './types'
import type { ChangeNotice } from './types'

/**
 * The notice for one committed page of the team sync: which tickets and requesters changed, or
 * the SLA events, people or status. Ids are deduplicated and sorted so receivers compare cheaply.
 *
 * @example
 * ticketsNotice([{ id: 2, requesterId: 9 }, { id: 1, requesterId: 9 }], 5)
 * //=> { app: 'retention-radar', v: 1, kind: 'tickets', ticketIds: [1, 2], requesterIds: [9], at: 5 }
 */
export function ticketsNotice(
  tickets: readonly { id: number; requesterId: number | null }[],
  at: number,
): ChangeNotice {
  const ticketIds = new Set<number>()
  const requesterIds = new Set<number>()
  for (const t of tickets) {
    ticketIds.add(t.id)
    if (t.requesterId !== null) requesterIds.add(t.requesterId)
  }
  return {
    app: 'retention-radar',
    v: NOTICE_VERSION,
    kind: 'tickets',
    ticketIds: [...ticketIds].sort((a, b) => a - b),
    requesterIds: [...requesterIds].sort((a, b) => a - b),
    at,
  }
}

/**
 * A notice without ids: the SLA events of some tickets, people (users, organizations, groups),
 * the shared baseline, or the sync status changed.
 *
 * @example
 * simpleNotice('syncStatus', 5) //=> { app: 'retention-radar', v: 1, kind: 'syncStatus', at: 5 }
 */
export function simpleNotice(kind: 'people' | 'baseline' | 'syncStatus', at: number): ChangeNotice {
  return { app: 'retention-radar', v: NOTICE_VERSION, kind, at }
}

/**
 * The notice for SLA events of `ticketIds` (deduplicated, sorted).
 *
 * @example
 * slaEventsNotice([3, 3, 1], 5).ticketIds //=> [1, 3]
 */
export function slaEventsNotice(ticketIds: readonly number[], at: number): ChangeNotice {
  return {
    app: 'retention-radar',
    v: NOTICE_VERSION,
    kind: 'slaEvents',
    ticketIds: [...new Set(ticketIds)].sort((a, b) => a - b),
    at,
  }
}
