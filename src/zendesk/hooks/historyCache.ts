// The requester histories this browser tab fetched lately, kept in sessionStorage so that opening
// the ticket again (a new sidebar frame) costs no API request while the answer is fresh. Only this
// tab sees them, and they go when the tab closes.

import type { RequesterHistory } from '../history'
import { makeRoom, readEntry, tabStorage } from './tabStorage'

// The version changes with RequesterHistory's shape, so a tab never reads an older one.
const PREFIX = 'retention-radar-history:v2:'
/** Requesters kept per tab; the oldest answers go first. */
export const HISTORY_CACHE_ENTRIES = 30

export type HistoryCache = {
  read(subdomain: string, requesterId: number): RequesterHistory | undefined
  write(subdomain: string, history: RequesterHistory): void
}

function isHistory(value: unknown, requesterId: number): value is RequesterHistory {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<RequesterHistory>
  const requester: unknown = v.requester
  const requesterOk =
    requester === null ||
    (typeof requester === 'object' &&
      typeof (requester as { fields?: unknown }).fields === 'object')
  return (
    requesterOk &&
    v.requesterId === requesterId &&
    Array.isArray(v.tickets) &&
    Array.isArray(v.stored) &&
    typeof v.fetchedAt === 'number' &&
    typeof v.totalTickets === 'number'
  )
}

/**
 * The tab's history cache (a no-op when storage is unavailable, e.g. blocked in the frame: every
 * open then fetches). A damaged entry is ignored and removed, never an error.
 *
 * @example
 * historyCache().read('acme', 42)?.fetchedAt //=> 1764547200000
 */
export function historyCache(store: Storage | null = tabStorage()): HistoryCache {
  const keyOf = (subdomain: string, id: number) => `${PREFIX}${subdomain}:${id}`
  return {
    read(subdomain, requesterId) {
      if (store === null) return undefined
      return readEntry(store, keyOf(subdomain, requesterId), (v) => isHistory(v, requesterId))
    },
    write(subdomain, history) {
      if (store === null) return
      try {
        makeRoom(store, PREFIX, HISTORY_CACHE_ENTRIES, /"fetchedAt":(\d+)/)
        store.setItem(keyOf(subdomain, history.requesterId), JSON.stringify(history))
      } catch (err) {
        // Quota or serialisation problems only cost the next open a request.
        console.warn('Retention Radar: could not keep the requester history for this tab', err)
      }
    },
  }
}
