// The IndexedDB store of the team sync (via `idb`). One database per account; the `meta` store
// holds each export's position, written in the same transaction as the records of the page that
// moved it, so the store is always "every page up to the cursor, and nothing else".

import { openDB } from 'idb'
import type { DBSchema, IDBPDatabase } from 'idb'

import type { SlaEvent, TicketRecord } from '@/core'
import type { ReasonCounts } from '../normalize'
import type { OrganizationProfile, RequesterProfile } from '../history'

export const SYNC_SOURCES = ['incremental', 'search-fallback'] as const
/** Where the tickets come from: the admin-only incremental export, or the agent fallback. */
export type SyncSource = (typeof SYNC_SOURCES)[number]

export type StoredUser = RequesterProfile & { role: string | null }

/** Position and totals of the ticket export (key `tickets` in `meta`). */
export type TicketSyncState = {
  source: SyncSource
  /** Why the fallback is used (e.g. the 403 of the incremental export); null for `incremental`. */
  fallbackReason: string | null
  /** False in the fallback: agents have no ticket metric events, so no SLA figures. */
  slaAvailable: boolean
  /** Unix seconds the export started from. */
  startTime: number
  /** Incremental: the after_cursor to continue from. Fallback: the search export cursor of the pass. */
  cursor: string | null
  /** Fallback: when `cursor` was issued (search export cursors expire after 1 h), epoch ms. */
  cursorIssuedAt: number | null
  /** Fallback: the pass's `updated>` bound (ISO), and the bound the next pass will use. */
  passSince: string | null
  passStartedAt: number | null
  /** Fallback: tickets the current pass will list (search/count) and has listed. */
  passTotal: number | null
  passDone: number
  caughtUp: boolean
  pagesDone: number
  /** Ticket versions written (a ticket changed three times counts three). */
  ticketsSynced: number
  deleted: number
  skipped: number
  reasons: ReasonCounts
  /** Newest `generated_timestamp` seen (Unix seconds), for the ETA. */
  lastGenerated: number | null
  /** Oldest `generated_timestamp` of the first page (Unix seconds), for the ETA. */
  firstGenerated: number | null
  /** Tickets in the account when the first pass began (search/count), for the ETA; null if unknown. */
  expectedTotal: number | null
  updatedAt: number
}

/** Position of the ticket metric events export (key `events` in `meta`). */
export type EventSyncState = {
  /** Unix seconds for the next request's start_time. */
  startTime: number
  caughtUp: boolean
  pagesDone: number
  events: number
  updatedAt: number
}

export interface SyncSchema extends DBSchema {
  tickets: { key: number; value: TicketRecord }
  users: { key: number; value: StoredUser }
  organizations: { key: number; value: OrganizationProfile }
  slaEvents: { key: number; value: SlaEvent }
  meta: {
    key: 'tickets' | 'events'
    value: TicketSyncState | EventSyncState
  }
}

export type SyncDb = IDBPDatabase<SyncSchema>

export const DATA_STORES = ['tickets', 'users', 'organizations', 'slaEvents'] as const

/** Opens (and creates) the sync database. */
export function openSyncDb(name = 'retention-radar-sync'): Promise<SyncDb> {
  return openDB<SyncSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('tickets', { keyPath: 'id' })
      db.createObjectStore('users', { keyPath: 'id' })
      db.createObjectStore('organizations', { keyPath: 'id' })
      db.createObjectStore('slaEvents', { keyPath: 'id' })
      db.createObjectStore('meta')
    },
  })
}

export async function readTicketState(db: SyncDb): Promise<TicketSyncState | undefined> {
  return (await db.get('meta', 'tickets')) as TicketSyncState | undefined
}

export async function readEventState(db: SyncDb): Promise<EventSyncState | undefined> {
  return (await db.get('meta', 'events')) as EventSyncState | undefined
}

/** Every synced ticket (deleted ones included, with status `deleted`, as the engine expects). */
export function loadTickets(db: SyncDb): Promise<TicketRecord[]> {
  return db.getAll('tickets')
}

export function loadSlaEvents(db: SyncDb): Promise<SlaEvent[]> {
  return db.getAll('slaEvents')
}
