// Everything the dashboard's status area shows about the background, read from this browser's
// shared storage without a request: which tab leads the sync, its last page and errors (with their
// times) and the requests every instance used in the last minute against the budget.

import { browserBudget } from '../budget/browserBudget'
import type { BudgetUsage } from '../budget/types'
import { leaderKey } from './browserLeader'
import { parseLeaderRecord } from './election'
import type { LeaderRecord } from './election'
import { readSyncStatus, syncStatusKey } from './syncStatus'
import type { SyncStatusRecord } from './syncStatus'
import { browserStore } from './tabs'
import type { KeyValueStore } from './tabs'

export type BackgroundStatus = {
  /** The tab leading the sync now; null when none is alive (no KPI-role tab open, or sync off). */
  leader: LeaderRecord | null
  /** The leader's last sync status (kept after it left, to show the last page and errors). */
  sync: SyncStatusRecord | null
  budget: BudgetUsage
  /** False when this browser refuses storage: the figures are this instance's only. */
  shared: boolean
}

/** Reads the background's status for `subdomain` (cheap: a few localStorage reads). */
export function readBackgroundStatus(
  subdomain: string,
  options: { store?: KeyValueStore | null; now?: number; usage?: () => BudgetUsage } = {},
): BackgroundStatus {
  const store = options.store === undefined ? browserStore() : options.store
  const now = options.now ?? Date.now()
  const usage = options.usage ?? (() => browserBudget(subdomain).usage())
  const leader = store === null ? null : parseLeaderRecord(store.get(leaderKey(subdomain)))
  return {
    leader: leader !== null && leader.expiresAt > now ? leader : null,
    sync: store === null ? null : readSyncStatus(store, syncStatusKey(subdomain)),
    budget: usage(),
    shared: store !== null,
  }
}
