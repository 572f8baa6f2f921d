// The sync writes to the account store; its schema and state types live in src/zendesk/store.
export {
  DATA_STORES,
  SYNC_SOURCES,
  openSyncDb,
  readEventState,
  readPeopleState,
  readTicketState,
} from '../store/db'
export type {
  EventSyncState,
  PeopleSyncState,
  SyncDb,
  SyncSchema,
  SyncSource,
  TicketSyncState,
} from '../store/db'
