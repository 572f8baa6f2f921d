// Team sync for the background location: the account's tickets (with metric sets, users and
// organizations) and ticket metric events (SLA) into IndexedDB, resumable at any point.
//
// Admins: `incremental/tickets/cursor?include=metric_sets,users,organizations`, then
// `incremental/ticket_metric_events`. Each page is written in ONE transaction together with the
// cursor it moves to, so a crash or a closed tab leaves "all pages up to the cursor" and the next
// run continues from exactly there: no gap, and no duplicate (records are keyed by id).
// Once caught up, `start()` polls every minute from the stored cursor.
//
// Agents (the incremental exports answer 403): search export of tickets (`updated>` the previous
// pass) plus `tickets/show_many?include=metric_sets,users,organizations` per page, flagged in the
// stored metadata as `source: 'search-fallback'` with `slaAvailable: false`.

import type { SlaEvent, TicketRecord } from '@/core'
import type { ZendeskClient } from '../api/client'
import {
  INCREMENTAL_PAGE_MAX,
  SEARCH_EXPORT_CURSOR_TTL_MS,
  fetchIncrementalTicketsPage,
  fetchMetricEventsPage,
  fetchSearchExportPage,
  fetchTicketsById,
  searchCount,
} from '../api/endpoints'
import { ZendeskApiError, isZendeskApiError } from '../errors'
import type { Timer } from '../governor/timer'
import { normalizeMetricEventPage, normalizeTicketPage } from '../normalize'
import type { ReasonCounts } from '../normalize'
import type { ZendeskOrganization, ZendeskTicket, ZendeskUser } from '../schemas'
import type { EventSyncState, StoredUser, SyncDb, SyncSource, TicketSyncState } from './db'
import { readEventState, readTicketState } from './db'

// TYPES

export type SyncPhase = 'idle' | 'tickets' | 'events' | 'waiting' | 'stopped' | 'failed'

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
  slaAvailable: boolean
  error: ZendeskApiError | null
}

export type CommitInfo = { export: 'tickets' | 'events'; page: number }

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
  /** Also sync ticket metric events (admins; default true). */
  events?: boolean
  onProgress?: (progress: SyncProgress) => void
  /** After each committed page: what changed, for a live engine. */
  onCommit?: (change: { tickets: TicketRecord[]; events: SlaEvent[] }) => void
  /**
   * Called inside each page's transaction just before it commits; throwing aborts the transaction
   * (nothing of the page is stored) and stops the run. For crash tests and instrumentation.
   */
  beforeCommit?: (info: CommitInfo) => void
}

export type TeamSync = {
  /** Syncs until caught up (tickets, then events); resolves with the progress. */
  runOnce(): Promise<SyncProgress>
  /** runOnce, then again every poll interval, until `stop()` or the governor is destroyed. */
  start(): Promise<void>
  stop(): void
  progress(): SyncProgress
}

/** Search index lag allowance: a fallback pass re-reads tickets updated this long before it began. */
export const FALLBACK_OVERLAP_MS = 5 * 60_000
const EVENTS_PAGE = 1000

// HELPERS

function storedUser(u: ZendeskUser): StoredUser {
  return {
    id: u.id,
    name: u.name,
    email: u.email ?? null,
    role: u.role ?? null,
    tags: u.tags ?? [],
    userFields: u.user_fields ?? {},
    organizationId: u.organization_id ?? null,
  }
}

function storedOrganization(o: ZendeskOrganization) {
  return {
    id: o.id,
    name: o.name,
    tags: o.tags ?? [],
    organizationFields: o.organization_fields ?? {},
  }
}

function mergeReasons(into: ReasonCounts, add: ReasonCounts): ReasonCounts {
  const out: ReasonCounts = { ...into }
  for (const [k, n] of Object.entries(add) as [keyof ReasonCounts, number][]) {
    out[k] = (out[k] ?? 0) + n
  }
  return out
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function stopped(): ZendeskApiError {
  return new ZendeskApiError({ code: 'cancelled', endpoint: 'team sync' })
}

// SYNC

export function createTeamSync(options: TeamSyncOptions): TeamSync {
  const { client, db } = options
  const timer = options.timer ?? client.governor.timer
  const perPage = options.perPage ?? INCREMENTAL_PAGE_MAX
  const searchPageSize = options.searchPageSize ?? 100
  const pollMs = options.pollIntervalMs ?? 60_000
  const withEvents = options.events ?? true
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
    slaAvailable: true,
    error: null,
  }

  const isStopped = (): boolean => stopController.signal.aborted || client.governor.destroyed

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
      slaAvailable: s.slaAvailable,
      etaMs: eta(s),
    }
  }

  /** Remaining export time from how far `generated_timestamp` got and the observed page pace. */
  function eta(s: TicketSyncState): number | null {
    if (s.caughtUp) return 0
    const now = timer.now()
    const pace = Math.max(
      s.source === 'incremental' ? 60_000 / 10 : 0,
      run.firstPageAt !== null && run.pages > 1 ? (now - run.firstPageAt) / (run.pages - 1) : 0,
    )
    if (s.source === 'search-fallback') {
      if (s.passTotal === null) return null
      const left = Math.max(0, s.passTotal - s.passDone)
      return Math.round(Math.ceil(left / searchPageSize) * pace)
    }
    if (s.expectedTotal !== null) {
      const left = Math.max(0, s.expectedTotal - s.ticketsSynced)
      return Math.round(Math.ceil(left / perPage) * pace)
    }
    if (s.lastGenerated === null || s.firstGenerated === null || s.pagesDone === 0) return null
    const span = now / 1000 - s.firstGenerated
    const done = s.lastGenerated - s.firstGenerated
    if (span <= 0 || done <= 0) return null
    const fraction = Math.min(1, done / span)
    return Math.round(((s.pagesDone * (1 - fraction)) / fraction) * pace)
  }

  function initialTicketState(): TicketSyncState {
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
      updatedAt: timer.now(),
    }
  }

  /**
   * Writes one page's records and the state that follows it in a single transaction. `vanished`
   * are ids the fallback listed but show_many no longer returned: stored copies become `deleted`.
   */
  async function commitTickets(
    page: {
      tickets: ZendeskTicket[]
      metric_sets?: unknown[] | undefined
      users?: ZendeskUser[] | undefined
      organizations?: ZendeskOrganization[] | undefined
    },
    next: TicketSyncState,
    vanished: readonly number[] = [],
  ): Promise<TicketSyncState> {
    const normalized = normalizeTicketPage(page)
    const deleted = normalized.records.filter((r) => r.status === 'deleted').length
    const state: TicketSyncState = {
      ...next,
      ticketsSynced: next.ticketsSynced + normalized.records.length,
      deleted: next.deleted + deleted + vanished.length,
      skipped: next.skipped + normalized.skipped,
      reasons: mergeReasons(next.reasons, normalized.reasons),
      updatedAt: timer.now(),
    }
    const tx = db.transaction(['tickets', 'users', 'organizations', 'meta'], 'readwrite')
    const tickets = tx.objectStore('tickets')
    const ops: Promise<unknown>[] = []
    for (const r of normalized.records) ops.push(tickets.put(r))
    for (const u of page.users ?? []) ops.push(tx.objectStore('users').put(storedUser(u)))
    for (const o of page.organizations ?? [])
      ops.push(tx.objectStore('organizations').put(storedOrganization(o)))
    const tombstones: TicketRecord[] = []
    for (const id of vanished) {
      ops.push(
        tickets.get(id).then((old) => {
          if (old === undefined || old.status === 'deleted') return undefined
          const tomb: TicketRecord = { ...old, status: 'deleted', updatedAt: state.updatedAt }
          tombstones.push(tomb)
          return tickets.put(tomb)
        }),
      )
    }
    ops.push(tx.objectStore('meta').put(state, 'tickets'))
    await finish(tx, ops, { export: 'tickets', page: state.pagesDone })
    options.onCommit?.({ tickets: [...normalized.records, ...tombstones], events: [] })
    return state
  }

  /** Commits, or aborts the whole transaction when `beforeCommit` throws. */
  async function finish(
    tx: { abort(): void; done: Promise<void> },
    ops: Promise<unknown>[],
    info: CommitInfo,
  ): Promise<void> {
    try {
      options.beforeCommit?.(info)
    } catch (err) {
      tx.abort()
      await Promise.allSettled([...ops, tx.done])
      throw err
    }
    await Promise.all([...ops, tx.done])
  }

  async function saveState(state: TicketSyncState): Promise<void> {
    await db.put('meta', state, 'tickets')
  }

  // ADMIN PATH

  /** The account's ticket count for the ETA of a first pass; null when search cannot tell. */
  async function countTickets(): Promise<number | null> {
    try {
      return await searchCount(client, 'type:ticket')
    } catch (err) {
      if (isZendeskApiError(err) && err.code === 'cancelled') throw err
      return null
    }
  }

  async function incrementalRound(initial: TicketSyncState): Promise<TicketSyncState> {
    let state: TicketSyncState = { ...initial, caughtUp: false }
    if (state.cursor === null && state.pagesDone === 0 && state.expectedTotal === null) {
      state = { ...state, expectedTotal: await countTickets() }
    }
    for (;;) {
      if (isStopped()) throw stopped()
      const from =
        state.cursor !== null
          ? { cursor: state.cursor }
          : { startTime: Math.min(state.startTime, Math.floor(timer.now() / 1000) - 61) }
      let page
      try {
        page = await fetchIncrementalTicketsPage(client, from, { perPage })
      } catch (err) {
        if (isZendeskApiError(err) && err.code === 'forbidden' && state.pagesDone === 0) {
          // not an admin: the agent path, said so in the stored metadata
          const fallback: TicketSyncState = {
            ...state,
            source: 'search-fallback',
            fallbackReason: err.message,
            slaAvailable: false,
            cursor: null,
          }
          await saveState(fallback)
          report(fromTicketState(fallback))
          return fallbackRound(fallback)
        }
        throw err
      }
      let generated = state.lastGenerated
      let first = state.firstGenerated
      for (const t of page.tickets) {
        if (t.generated_timestamp === undefined) continue
        generated = Math.max(generated ?? 0, t.generated_timestamp)
        first = Math.min(first ?? Infinity, t.generated_timestamp)
      }
      state = await commitTickets(page, {
        ...state,
        cursor: page.after_cursor ?? state.cursor,
        caughtUp: page.end_of_stream,
        // an empty poll answer is not a page of data
        pagesDone: state.pagesDone + (page.tickets.length > 0 ? 1 : 0),
        lastGenerated: generated,
        firstGenerated: first,
      })
      run.firstPageAt ??= timer.now()
      run.pages++
      report(fromTicketState(state))
      if (page.end_of_stream) return state
    }
  }

  // AGENT FALLBACK

  async function fallbackRound(initial: TicketSyncState): Promise<TicketSyncState> {
    let state: TicketSyncState = { ...initial, caughtUp: false }
    for (;;) {
      if (isStopped()) throw stopped()
      const now = timer.now()
      if (
        state.cursor !== null &&
        (state.cursorIssuedAt === null ||
          now - state.cursorIssuedAt > SEARCH_EXPORT_CURSOR_TTL_MS - 5 * 60_000)
      ) {
        // search export cursors expire after an hour: redo the pass (upserts make it harmless)
        state = { ...state, cursor: null }
      }
      if (state.cursor === null && state.passStartedAt === null) {
        state = { ...state, passStartedAt: now, passDone: 0, passTotal: null }
      }
      const query =
        state.passSince !== null
          ? `updated>${state.passSince}`
          : state.startTime > 0
            ? `updated>${iso(state.startTime * 1000)}`
            : 'created>1970-01-01'
      if (state.passTotal === null && state.cursor === null) {
        state = { ...state, passTotal: await searchCount(client, `type:ticket ${query}`) }
      }
      let page
      try {
        page = await fetchSearchExportPage(client, {
          query,
          pageSize: searchPageSize,
          ...(state.cursor !== null ? { after: state.cursor } : {}),
        })
      } catch (err) {
        if (isZendeskApiError(err) && err.code === 'bad_request' && state.cursor !== null) {
          state = { ...state, cursor: null }
          continue
        }
        throw err
      }
      const ids = page.results.map((t) => t.id)
      const shown =
        ids.length > 0
          ? await fetchTicketsById(client, ids)
          : { tickets: [], metric_sets: [], users: [], organizations: [] }
      const present = new Set(shown.tickets.map((t) => t.id))
      const vanished = ids.filter((id) => !present.has(id))
      const more = page.meta.has_more && page.meta.after_cursor !== null
      const passStartedAt = state.passStartedAt ?? now
      state = await commitTickets(
        shown,
        {
          ...state,
          cursor: more ? page.meta.after_cursor : null,
          cursorIssuedAt: more ? timer.now() : null,
          passDone: state.passDone + ids.length,
          ...(more
            ? {}
            : {
                passSince: iso(passStartedAt - FALLBACK_OVERLAP_MS),
                passStartedAt: null,
                passTotal: null,
              }),
          caughtUp: !more,
          pagesDone: state.pagesDone + (ids.length > 0 ? 1 : 0),
        },
        vanished,
      )
      run.firstPageAt ??= timer.now()
      run.pages++
      report(fromTicketState(state))
      if (!more) return state
    }
  }

  // SLA EVENTS

  async function eventsRound(): Promise<void> {
    let state: EventSyncState = (await readEventState(db)) ?? {
      startTime,
      caughtUp: false,
      pagesDone: 0,
      events: 0,
      updatedAt: timer.now(),
    }
    for (;;) {
      if (isStopped()) throw stopped()
      // Zendesk refuses a start_time less than a minute old
      if (state.startTime > Math.floor(timer.now() / 1000) - 61) return
      const page = await fetchMetricEventsPage(client, state.startTime)
      const { events } = normalizeMetricEventPage(page)
      const full = (page.count ?? page.ticket_metric_events.length) >= EVENTS_PAGE
      const done = page.end_of_stream ?? !full
      const nextStart =
        !done && page.end_time <= state.startTime ? state.startTime + 1 : page.end_time
      const next: EventSyncState = {
        startTime: nextStart,
        caughtUp: done,
        pagesDone: state.pagesDone + (events.length > 0 ? 1 : 0),
        events: state.events,
        updatedAt: timer.now(),
      }
      const tx = db.transaction(['slaEvents', 'meta'], 'readwrite')
      const store = tx.objectStore('slaEvents')
      const ops: Promise<unknown>[] = events.map((e) => store.put(e))
      // the stored total, so events read twice across a time boundary count once
      ops.push(
        store.count().then((n) => {
          next.events = n
          return tx.objectStore('meta').put(next, 'events')
        }),
      )
      await finish(tx, ops, { export: 'events', page: next.pagesDone })
      options.onCommit?.({ tickets: [], events })
      state = next
      report({ eventPagesDone: state.pagesDone, slaEvents: state.events })
      if (done) return
    }
  }

  async function once(): Promise<SyncProgress> {
    try {
      const stored = (await readTicketState(db)) ?? initialTicketState()
      report({ ...fromTicketState(stored), phase: 'tickets', error: null })
      const state =
        stored.source === 'search-fallback'
          ? await fallbackRound(stored)
          : await incrementalRound(stored)
      if (withEvents && state.source === 'incremental') {
        report({ phase: 'events' })
        await eventsRound()
      }
      report({ ...fromTicketState(state), phase: 'idle' })
      return progress
    } catch (err) {
      if (isZendeskApiError(err) && err.code === 'cancelled') {
        report({ phase: 'stopped' })
      } else {
        report({ phase: 'failed', error: isZendeskApiError(err) ? err : null })
      }
      throw err
    }
  }

  return {
    runOnce() {
      running ??= once().finally(() => {
        running = undefined
      })
      return running
    },
    async start() {
      while (!isStopped()) {
        const roundStarted = timer.now()
        try {
          await this.runOnce()
        } catch (err) {
          if (isStopped()) break
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
