// The account store: IndexedDB (version 2, compact pages), loaded into a LoadedAccount.

export { applyChange, emptyAccount, loadAccount } from './account'
export {
  DATA_STORES,
  DEFAULT_STORE_NAME,
  STORE_VERSION,
  SYNC_SOURCES,
  openAccountStore,
  openSyncDb,
  readEventState,
  readPeopleState,
  readStoreInfo,
  readTicketState,
} from './db'
export type {
  EventSyncState,
  MetaKey,
  PeopleSyncState,
  StoreInfo,
  SyncDb,
  SyncSchema,
  SyncSource,
  TicketSyncState,
} from './db'
export { StoreError, isQuotaError, isStoreError, writeError } from './errors'
export type { StoreErrorCode } from './errors'
export { encodeEventPage, eventPageProblem, readEvents } from './eventPage'
export type { EventPageRecord } from './eventPage'
export { decodeTicketPage, encodeTicketPage, readStoredTicket } from './ticketPage'
export type { TicketColumns, TicketPageRecord } from './ticketPage'
export * from './types'
