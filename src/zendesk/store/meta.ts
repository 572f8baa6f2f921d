// The `meta` store's records: one record type per key (the export positions and how the store
// came to be), read and written through functions that take the key's own type.

import type { EventSyncState, PeopleSyncState, StoreInfo, SyncDb, TicketSyncState } from './db'

/** What `meta` holds under each key: one record type per key. */
export type MetaRecords = {
  tickets: TicketSyncState
  events: EventSyncState
  people: PeopleSyncState
  store: StoreInfo
}
export type MetaKey = keyof MetaRecords

/** The `meta` store of a transaction, where a record is written with the page it belongs to. */
export interface MetaStore {
  put(value: MetaRecords[MetaKey], key: MetaKey): Promise<unknown>
}

/**
 * The ticket export's position before its first page: the incremental export from `startTime`
 * (Unix seconds), nothing read yet.
 *
 * @example
 * ticketStateAtStart(0, Date.now()).cursor //=> null
 */
export function ticketStateAtStart(startTime: number, now: number): TicketSyncState {
  return {
    source: 'incremental',
    fallbackReason: null,
    slaAvailable: true,
    startTime,
    cursor: null,
    cursorIssuedAt: null,
    passSince: null,
    passStartedAt: null,
    passTotal: null,
    passDone: 0,
    caughtUp: false,
    pagesDone: 0,
    ticketsSynced: 0,
    deleted: 0,
    skipped: 0,
    reasons: {},
    lastGenerated: null,
    firstGenerated: null,
    expectedTotal: null,
    updatedAt: now,
  }
}

/**
 * The `meta` record under `key`, with the type of that key's record.
 *
 * @example
 * (await readMeta(db, 'tickets'))?.cursor // string | null, no cast
 */
export async function readMeta<K extends MetaKey>(
  db: SyncDb,
  key: K,
): Promise<MetaRecords[K] | undefined> {
  // idb types a store's values as one union; every write goes through writeMeta, which takes
  // only the key's own record type, so the key decides the type read back
  return (await db.get('meta', key)) as MetaRecords[K] | undefined
}

/**
 * Writes the `meta` record under `key`, in a transaction's `meta` store or on its own; the value
 * must be that key's record type.
 *
 * @example
 * await writeMeta(tx.objectStore('meta'), 'events', eventState)
 * await writeMeta(db, 'people', peopleState)
 */
export function writeMeta<K extends MetaKey>(
  target: SyncDb | MetaStore,
  key: K,
  value: MetaRecords[K],
): Promise<unknown> {
  return 'objectStoreNames' in target ? target.put('meta', value, key) : target.put(value, key)
}
