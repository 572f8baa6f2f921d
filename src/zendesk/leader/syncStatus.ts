// The sync's state as the leader tab last wrote it, for the dashboard's status area on any tab:
// which tab leads, the last committed page, the last error with its time. Stored beside the
// leader record (localStorage), so reading it needs no request and no message.

import type { KeyValueStore } from './tabs'

export type SyncStatusError = { message: string; at: number }

export type SyncStatusRecord = {
  /** The leader tab that wrote it. */
  tabId: string
  /** Epoch ms the record was written (a heartbeat). */
  at: number
  pagesDone: number
  /** Epoch ms of the last committed page, null before any. */
  lastPageAt: number | null
  caughtUp: boolean
  /** The newest errors, newest first (at most 5): never only in the console. */
  errors: SyncStatusError[]
}

export const MAX_STATUS_ERRORS = 5

/** Storage key of an account's sync status. */
export function syncStatusKey(subdomain: string): string {
  return `retention-radar-sync-status:${subdomain}`
}

/** The stored status, or null for none or anything unreadable. */
export function readSyncStatus(store: KeyValueStore, key: string): SyncStatusRecord | null {
  const raw = store.get(key)
  if (raw === null) return null
  try {
    const v = JSON.parse(raw) as Partial<SyncStatusRecord> | null
    if (v === null || typeof v.tabId !== 'string' || !Number.isFinite(v.at)) return null
    const errors = Array.isArray(v.errors)
      ? v.errors.filter(
          (e): e is SyncStatusError =>
            typeof e === 'object' && typeof e.message === 'string' && Number.isFinite(e.at),
        )
      : []
    return {
      tabId: v.tabId,
      at: v.at as number,
      pagesDone: Number.isFinite(v.pagesDone) ? (v.pagesDone as number) : 0,
      lastPageAt: Number.isFinite(v.lastPageAt) ? (v.lastPageAt as number) : null,
      caughtUp: v.caughtUp === true,
      errors: errors.slice(0, MAX_STATUS_ERRORS),
    }
  } catch {
    return null
  }
}

/**
 * Writes the leader's status: `update` is merged into what is stored; an `error` is added to the
 * front of the list (newest first, at most five kept).
 */
export function writeSyncStatus(
  store: KeyValueStore,
  key: string,
  update: {
    tabId: string
    at: number
    pagesDone?: number
    lastPageAt?: number | null
    caughtUp?: boolean
    error?: SyncStatusError
  },
): SyncStatusRecord {
  const before = readSyncStatus(store, key)
  const errors = before?.errors ?? []
  const next: SyncStatusRecord = {
    tabId: update.tabId,
    at: update.at,
    pagesDone: update.pagesDone ?? before?.pagesDone ?? 0,
    lastPageAt: update.lastPageAt !== undefined ? update.lastPageAt : (before?.lastPageAt ?? null),
    caughtUp: update.caughtUp ?? before?.caughtUp ?? false,
    errors: (update.error !== undefined ? [update.error, ...errors] : errors).slice(
      0,
      MAX_STATUS_ERRORS,
    ),
  }
  store.set(key, JSON.stringify(next))
  return next
}

/**
 * Adds an error of the background's other work (the SLA warnings) to the status the status area
 * shows, leaving the rest as the leader wrote it.
 */
export function appendStatusError(
  store: KeyValueStore,
  key: string,
  tabId: string,
  error: SyncStatusError,
): void {
  const before = readSyncStatus(store, key)
  writeSyncStatus(store, key, {
    tabId: before?.tabId ?? tabId,
    at: before?.at ?? error.at,
    error,
  })
}
