export { openAccountStore, readPeopleState, readTicketState } from '../store/db'
export type { SyncDb } from '../store/db'
export { createTeamSync } from './teamSync'
export type { SyncProgress, TeamSync, TeamSyncOptions } from './teamSync'

export { PEOPLE_REFRESH_MS } from './people'
