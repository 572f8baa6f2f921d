export {
  DATA_STORES,
  SYNC_SOURCES,
  openSyncDb,
  readEventState,
  readPeopleState,
  readTicketState,
} from './db'
export type {
  EventSyncState,
  PeopleSyncState,
  SyncDb,
  SyncSchema,
  SyncSource,
  TicketSyncState,
} from './db'
export { FALLBACK_OVERLAP_MS, createTeamSync } from './teamSync'
export type { CommitInfo, SyncPhase, SyncProgress, TeamSync, TeamSyncOptions } from './teamSync'
export { EXPORT_PAGE_MS, etaFromGenerated, syncEta } from './eta'
export { PEOPLE_REFRESH_MS } from './people'
