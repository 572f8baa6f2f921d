// TYPES of the browser-wide API budget.

import type { Timer } from '../governor'
import type { KeyValueStore, Mutex } from '../leader/tabs'

/**
 * Who asks: `sync` for bulk work that can wait (the team sync, the agents' SLA polling),
 * `interactive` for what a person waits on (sidebars, the dashboard).
 */
export const BUDGET_KINDS = ['sync', 'interactive'] as const
export type BudgetKind = (typeof BUDGET_KINDS)[number]

export type SharedBudgetOptions = {
  /** Storage key of the ledger, one per account: `retention-radar-budget:<subdomain>`. */
  key: string
  /** Where the ledger lives (localStorage in the browser; a shared fake in tests). */
  store: KeyValueStore
  /** Serialises read-modify-write of the ledger across tabs (Web Locks in the browser). */
  mutex: Mutex
  timer?: Timer
  /**
   * Part of each minute's budget the sync may never take, so a sidebar always finds a slot within
   * seconds (default 0.25, at least one request).
   */
  interactiveReserve?: number
}

/** What the status area shows: requests of every instance in the last 60 s against the budget. */
export type BudgetUsage = {
  used: number
  sync: number
  interactive: number
  /** Requests per 60 s all instances together may send (0 before the first request). */
  budget: number
  /** Epoch ms until which every instance is paused by a 429, or null. */
  pausedUntil: number | null
}

/** The ledger as stored: sends of the last 60 s as [epoch ms, 0 = sync | 1 = interactive]. */
export type LedgerState = {
  v: 1
  sends: [number, 0 | 1][]
  pauseUntil: number
  budget: number
}
