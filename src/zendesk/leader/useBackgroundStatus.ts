// The background's status for the dashboard's status area (React): who leads the sync, its last
// page and errors with their times, and the requests every instance used against the budget.
// Read from shared storage every few seconds and on changes from other tabs: no request.

import { useEffect, useState } from 'react'

import { useRegisteredClient } from '../zaf/ClientProvider'
import { readBackgroundStatus } from './backgroundStatus'
import type { BackgroundStatus } from './backgroundStatus'
import { leaderKey } from './browserLeader'
import { syncStatusKey } from './syncStatus'

/**
 * The background's status, refreshed every `refreshMs` (default 5 s) and when another tab writes.
 *
 * @example
 * const status = useBackgroundStatus()
 * status.leader?.tabId, status.sync?.lastPageAt, status.sync?.errors, status.budget.used
 */
export function useBackgroundStatus(
  refreshMs = 5_000,
  read: (subdomain: string) => BackgroundStatus = readBackgroundStatus,
): BackgroundStatus {
  const { context } = useRegisteredClient()
  const subdomain = context.account.subdomain
  const [status, setStatus] = useState(() => read(subdomain))
  useEffect(() => {
    const refresh = (): void => setStatus(read(subdomain))
    // the leader and its sync status at once; the budget ledger (written on every request) waits
    // for the next tick
    const onStorage = (event: StorageEvent): void => {
      if (event.key === leaderKey(subdomain) || event.key === syncStatusKey(subdomain)) refresh()
    }
    refresh()
    const timer = setInterval(refresh, refreshMs)
    window.addEventListener('storage', onStorage)
    return () => {
      clearInterval(timer)
      window.removeEventListener('storage', onStorage)
    }
  }, [subdomain, refreshMs, read])
  return status
}
