// What every job of the team sync shares: the client, the store writer, the clock, the settings
// and the progress callback.

import type { ZendeskClient } from '../api/client'
import { ZendeskApiError } from '../errors'
import type { Timer } from '../governor/timer'
import type { TicketSyncState } from '../store/db'
import type { Committer } from './commit'

export type SyncContext = {
  client: ZendeskClient
  commit: Committer
  timer: Timer
  /** Unix seconds the first export starts from. */
  startTime: number
  perPage: number
  searchPageSize: number
  isStopped(): boolean
  /** After each committed ticket page: progress and pace. */
  pageDone(state: TicketSyncState): void
}

export function stoppedError(): ZendeskApiError {
  return new ZendeskApiError({ code: 'cancelled', endpoint: 'team sync' })
}

/** ISO 8601 without milliseconds, as search queries take it. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
