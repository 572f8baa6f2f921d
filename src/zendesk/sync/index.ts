export {
  DATA_STORES,
  SYNC_SOURCES,
  loadSlaEvents,
  loadTickets,
  openSyncDb,
  readEventState,
  readTicketState,
} from './db'
export type {
  EventSyncState,
  StoredUser,
  SyncDb,
  SyncSchema,
  SyncSource,
  TicketSyncState,
} from './db'
export { FALLBACK_OVERLAP_MS, createTeamSync } from './teamSync'
export type { CommitInfo, SyncPhase, SyncProgress, TeamSync, TeamSyncOptions } from './teamSync'
