// The account store's IndexedDB schema (via `idb`), version 2. One database per account:
// - `ticketPages`: one record per committed export page (typed-array columns, see ticketPage.ts),
//   keyed by commit order, so loading replays pages in order and the newest version wins;
// - `eventPages`: the same for ticket metric events;
// - `users`, `organizations`, `groups`: one record per id;
// - `meta`: each export's position, written in the same transaction as the page that moved it, so
//   the store is always "every page up to the cursor, and nothing else".
// Version 1 (one record per ticket and per event) is upgraded in place by upgrade.ts.

import { openDB } from 'idb'
import type { DBSchema, IDBPDatabase } from 'idb'

import type { ReasonCounts } from '../normalize'
import { readMeta } from './meta'
import type { MetaKey, MetaRecords } from './meta'
import type { EventPageRecord } from './eventPage'
import { StoreError } from './errors'
import type { TicketPageRecord } from './ticketPage'
import type { StoredGroup, StoredOrganization, StoredUser } from './types'
import { upgradeStore } from './upgrade'

export const STORE_VERSION = 2
export const DEFAULT_STORE_NAME = 'retention-radar-sync'

export const SYNC_SOURCES = ['incremental', 'search-fallback'] as const
/** Where the tickets come from: the admin-only incremental export, or the agent fallback. */
export type SyncSource = (typeof SYNC_SOURCES)[number]

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
  /**
   * Newest `generated_timestamp` seen (Unix seconds), for the ETA; in the agent fallback the newest
   * `updated_at` seen, for the next pass's `updated>` bound.
   */
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
  /** Distinct events stored. */
  events: number
  /** Ids of the stored events in the second the next request starts from (read again there). */
  boundaryIds?: number[]
  updatedAt: number
}

/** The team's names (key `people` in `meta`): when groups and agents were last listed. */
export type PeopleSyncState = {
  syncedAt: number
  groups: number
  agents: number
  /** Why the last listing failed (e.g. a 403), or null. */
  error: string | null
}

/** How this store came to be (key `store` in `meta`). */
export type StoreInfo = {
  version: number
  /** The version the data was upgraded from, or null for a store created at this version. */
  upgradedFrom: number | null
  upgradedAt: number | null
  /** Records of the older version that could not be read and were left out, with why. */
  upgradeSkipped: number
  upgradeProblems: string[]
}

export interface SyncSchema extends DBSchema {
  ticketPages: { key: number; value: TicketPageRecord }
  eventPages: { key: number; value: EventPageRecord }
  users: { key: number; value: StoredUser }
  organizations: { key: number; value: StoredOrganization }
  groups: { key: number; value: StoredGroup }
  meta: { key: MetaKey; value: MetaRecords[MetaKey] }
}

export type SyncDb = IDBPDatabase<SyncSchema>

function isVersionError(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'VersionError'
}

/**
 * Opens (creates, or upgrades from version 1) an account's store. A store written by a newer
 * version of the app is left untouched and reported as a StoreError (`newer_version`); an upgrade
 * that fails leaves the old store as it was (`upgrade_failed`).
 *
 * @example
 * const db = await openAccountStore(`retention-radar-sync-${subdomain}`)
 */
export async function openAccountStore(name = DEFAULT_STORE_NAME): Promise<SyncDb> {
  try {
    const db = await openDB<SyncSchema>(name, STORE_VERSION, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        upgradeStore({ db: database, oldVersion, transaction, now: Date.now() })
      },
      blocking() {
        // a newer version of the app wants to upgrade: let it (this tab reopens on reload)
        db.close()
      },
    })
    return db
  } catch (err) {
    if (isVersionError(err)) {
      throw new StoreError({
        code: 'newer_version',
        store: name,
        detail:
          `the store was written by a newer version of Retention Radar (this version reads ` +
          `version ${STORE_VERSION}); it was left untouched. Reload Zendesk to run the newer app.`,
        cause: err,
      })
    }
    const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
    throw new StoreError({
      code: 'upgrade_failed',
      store: name,
      detail: `could not open or upgrade the store (${what}); what was stored is unchanged`,
      cause: err,
    })
  }
}

export function readTicketState(db: SyncDb): Promise<TicketSyncState | undefined> {
  return readMeta(db, 'tickets')
}

export function readEventState(db: SyncDb): Promise<EventSyncState | undefined> {
  return readMeta(db, 'events')
}

export function readPeopleState(db: SyncDb): Promise<PeopleSyncState | undefined> {
  return readMeta(db, 'people')
}

export function readStoreInfo(db: SyncDb): Promise<StoreInfo | undefined> {
  return readMeta(db, 'store')
}
