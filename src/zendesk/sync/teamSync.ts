// Team sync for the background location: the account's tickets (with metric sets, users and
// organizations), ticket metric events (SLA) and the team's names into the account store,
// resumable at any point. Each page is written in ONE transaction together with the cursor it
// moves to, so a crash, a closed tab or a full disk leaves "all pages up to the cursor" and the
// next run continues from exactly there. Once caught up, `start()` polls every minute; while the
// event export is still behind, it works through it in slices between ticket polls.
//
// The jobs live in their own files: incremental.ts (admins), fallback.ts (agents), events.ts (SLA),
// people.ts (groups and agents), eta.ts (time left), commit.ts (record mapping and page writes).

import type { ZendeskClient } from '../api/client'
import { INCREMENTAL_PAGE_MAX } from '../api/endpoints'
import { isZendeskApiError } from '../errors'
import type { ZendeskApiError } from '../errors'
import type { Timer } from '../governor/timer'
import type { SyncDb, SyncSource, TicketSyncState } from '../store/db'
import { readEventState, readPeopleState, readTicketState } from '../store/db'
import { isStoreError } from '../store/errors'
import { ticketStateAtStart } from '../store/meta'
import type { StoreError } from '../store/errors'
import type { AccountChange } from '../store/types'
import type { CommitInfo } from './commit'
import { createCommitter } from './commit'
import type { SyncContext } from './context'
import { syncEta } from './eta'
import { eventsRound } from './events'
import { fallbackRound } from './fallback'
import { incrementalRound } from './incremental'
import { peopleRound } from './people'

export type { CommitInfo } from './commit'

// TYPES

export type SyncPhase = 'idle' | 'tickets' | 'events' | 'people' | 'waiting' | 'stopped' | 'failed'

export type SyncProgress = {
  source: SyncSource | null
  phase: SyncPhase
  /** Ticket versions written so far (all runs). */
  ticketsSynced: number
  /** Ticket export pages committed (all runs). */
  pagesDone: number
  eventPagesDone: number
  slaEvents: number
  /** Estimated time to catch up, ms; 0 when caught up, null before there is anything to go on. */
  etaMs: number | null
  caughtUp: boolean
  /**
   * When the tickets were last read up to date: the timer's epoch ms of the last committed ticket
   * page (an empty poll answer counts), from the store before this run's first page; null before any.
   */
  ticketsCheckedAt: number | null
  /** The SLA event export has reached the present (false until its first pass ends). */
  eventsCaughtUp: boolean
  slaAvailable: boolean
  /** Why the last run failed: the API (ZendeskApiError) or the browser's storage (StoreError). */
  error: ZendeskApiError | StoreError | null
}

export type TeamSyncOptions = {
  client: ZendeskClient
  db: SyncDb
  /** Default: the governor's timer. */
  timer?: Timer
  /** Unix seconds the first export starts from (default 0: the whole history). */
  startTime?: number
  /** Incremental page size (default and max 1000). */
  perPage?: number
  /** Fallback search export page size (default 100 = one show_many per page). */
  searchPageSize?: number
  /** Poll interval once caught up, ms (default 60,000). */
  pollIntervalMs?: number
  /**
   * In `start()`, how long a round may spend on an event backlog before the next round polls the
   * tickets again (default EVENTS_SLICE_MS): a first event export of many pages then delays a
   * ticket change by this plus one export request, not by the whole backlog.
   */
  eventsSliceMs?: number
  /** Also sync ticket metric events (admins; default true). */
  events?: boolean
  /** Also list groups and agents for their names (default true). */
  people?: boolean
  onProgress?: (progress: SyncProgress) => void
  /**
   * After each committed page: what changed, for a live account (`applyChange`), and, when the
   * page was a ticket read, the progress's new `ticketsCheckedAt` (else null). It comes before the
   * page's `onProgress`, so whoever announces the change can date it with the same read.
   */
  onCommit?: (change: AccountChange, ticketsCheckedAt: number | null) => void
  /**
   * Called inside each page's transaction just before it commits; throwing aborts the transaction
   * (nothing of the page is stored) and stops the run. For crash tests and instrumentation.
   */
  beforeCommit?: (info: CommitInfo) => void
}

export type TeamSync = {
  /** Syncs until caught up (tickets, then events, then names); resolves with the progress. */
  runOnce(): Promise<SyncProgress>
  /**
   * runOnce, then again every poll interval, until `stop()`, the governor is destroyed or the
   * store cannot be written (a StoreError, e.g. a full disk: the progress says so).
   */
  start(): Promise<void>
  stop(): void
  progress(): SyncProgress
}

/** Default `eventsSliceMs`: five event pages at the export's 10 a minute. */
export const EVENTS_SLICE_MS = 30_000

/** When the tickets were last read up to date: once a page has been read or the sync caught up. */
const checkedAt = (s: TicketSyncState): number | null =>
  s.pagesDone > 0 || s.caughtUp ? s.updatedAt : null

// SYNC

export function createTeamSync(options: TeamSyncOptions): TeamSync {
  const { client, db } = options
  const timer = options.timer ?? client.governor.timer
  const perPage = options.perPage ?? INCREMENTAL_PAGE_MAX
  const searchPageSize = options.searchPageSize ?? 100
  const pollMs = options.pollIntervalMs ?? 60_000
  const sliceMs = options.eventsSliceMs ?? EVENTS_SLICE_MS
  const withEvents = options.events ?? true
  const withPeople = options.people ?? true
  const startTime = Math.max(0, Math.floor(options.startTime ?? 0))
  const stopController = new AbortController()
  let running: Promise<SyncProgress> | undefined
  const run = { firstPageAt: null as number | null, pages: 0 }

  let progress: SyncProgress = {
    source: null,
    phase: 'idle',
    ticketsSynced: 0,
    pagesDone: 0,
    eventPagesDone: 0,
    slaEvents: 0,
    etaMs: null,
    caughtUp: false,
    ticketsCheckedAt: null,
    eventsCaughtUp: false,
    slaAvailable: true,
    error: null,
  }

  function report(patch: Partial<SyncProgress>): void {
    progress = { ...progress, ...patch }
    options.onProgress?.(progress)
  }

  function fromTicketState(s: TicketSyncState): Partial<SyncProgress> {
    return {
      source: s.source,
      ticketsSynced: s.ticketsSynced,
      pagesDone: s.pagesDone,
      caughtUp: s.caughtUp,
      ticketsCheckedAt: checkedAt(s),
      slaAvailable: s.slaAvailable,
      etaMs: syncEta({ state: s, now: timer.now(), run, perPage, searchPageSize }),
    }
  }

  const ctx: SyncContext = {
    client,
    commit: createCommitter(db, {
      onCommit: (change, tickets) =>
        options.onCommit?.(change, tickets === undefined ? null : checkedAt(tickets)),
      beforeCommit: options.beforeCommit,
    }),
    timer,
    startTime,
    perPage,
    searchPageSize,
    isStopped: () => stopController.signal.aborted || client.governor.destroyed,
    pageDone(state) {
      run.firstPageAt ??= timer.now()
      run.pages++
      report(fromTicketState(state))
    },
  }

  function initialTicketState(): TicketSyncState {
    return ticketStateAtStart(startTime, timer.now())
  }

  /** One round; with `eventsUntil`, the event export stops after the page that passes it. */
  async function once(eventsUntil?: number): Promise<SyncProgress> {
    try {
      const stored = (await readTicketState(db)) ?? initialTicketState()
      if (withPeople) {
        // names first: two small listings, so the dashboard's tables name agents and groups from
        // the first minute instead of after a first sync that takes minutes (fresh names are kept)
        report({ ...fromTicketState(stored), phase: 'people', error: null })
        await peopleRound(ctx, await readPeopleState(db))
      }
      report({ ...fromTicketState(stored), phase: 'tickets', error: null })
      const state =
        stored.source === 'search-fallback'
          ? await fallbackRound(ctx, stored)
          : await incrementalRound(ctx, stored, {
              onForbidden: (fallback) => {
                report(fromTicketState(fallback))
                return fallbackRound(ctx, fallback)
              },
            })
      if (withEvents && state.source === 'incremental') {
        report({ phase: 'events' })
        const eventsCaughtUp = await eventsRound(ctx, await readEventState(db), {
          afterPage: (s) => report({ eventPagesDone: s.pagesDone, slaEvents: s.events }),
          ...(eventsUntil === undefined ? {} : { until: eventsUntil }),
        })
        report({ eventsCaughtUp })
      }
      report({ ...fromTicketState(state), phase: 'idle' })
      return progress
    } catch (err) {
      if (isZendeskApiError(err) && err.code === 'cancelled') {
        report({ phase: 'stopped' })
      } else {
        report({
          phase: 'failed',
          error: isZendeskApiError(err) || isStoreError(err) ? err : null,
        })
      }
      throw err
    }
  }

  function round(eventsUntil?: number): Promise<SyncProgress> {
    running ??= once(eventsUntil).finally(() => {
      running = undefined
    })
    return running
  }

  return {
    runOnce: () => round(),
    async start() {
      while (!ctx.isStopped()) {
        const roundStarted = timer.now()
        try {
          const done = await round(roundStarted + sliceMs)
          // an event backlog left for the next round: poll the tickets again now, then go on
          if (withEvents && done.source === 'incremental' && !done.eventsCaughtUp) continue
        } catch (err) {
          if (ctx.isStopped()) break
          // the store cannot take more (e.g. a full disk): stop, the progress says why
          if (isStoreError(err)) return
          if (!isZendeskApiError(err)) throw err
          // a failed round (already retried by the governor) is tried again at the next poll
        }
        report({ phase: 'waiting' })
        try {
          // one round per interval: the next starts a poll interval after this one started
          await timer.sleep(Math.max(0, roundStarted + pollMs - timer.now()), stopController.signal)
        } catch {
          break
        }
      }
      report({ phase: 'stopped' })
    },
    stop() {
      stopController.abort()
    },
    progress: () => progress,
  }
}
