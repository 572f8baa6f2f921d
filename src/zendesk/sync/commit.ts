// Record mapping and page writes of the team sync: a fetched page is normalised once into an
// AccountChange, then written in ONE transaction together with the state it moves the export to.
// A failed write (e.g. the disk quota) aborts the whole transaction: the cursor does not move and
// what was stored stays; it is reported as a StoreError.

import type { SlaEvent } from '@/core'
import { normalizeExportPage } from '../normalize'
import type { ReasonCounts } from '../normalize'
import { writeError } from '../store/errors'
import { encodeEventPage } from '../store/eventPage'
import { writeMeta } from '../store/meta'
import type { IDBPTransaction } from 'idb'

import type {
  EventSyncState,
  PeopleSyncState,
  SyncDb,
  SyncSchema,
  TicketSyncState,
} from '../store/db'
import { blankRecord, encodeTicketPage } from '../store/ticketPage'
import type { AccountChange, StoredGroup, StoredTicket, StoredUser } from '../store/types'

export type CommitInfo = { export: 'tickets' | 'events' | 'people'; page: number }

export type CommitHooks = {
  /**
   * After each committed page: what changed, for a live engine, and for a ticket page the sync
   * state it stored (its `updatedAt` is when the tickets were read).
   */
  onCommit?: ((change: AccountChange, tickets?: TicketSyncState) => void) | undefined
  /** Inside each page's transaction just before it commits; throwing aborts the transaction. */
  beforeCommit?: ((info: CommitInfo) => void) | undefined
}

/** A ticket page as the exports and show_many return it (validated by the endpoint's schema). */
export type TicketPageInput = {
  tickets: unknown[]
  metric_sets?: unknown[] | undefined
  users?: unknown[] | undefined
  organizations?: unknown[] | undefined
}

export function emptyChange(): AccountChange {
  return { tickets: [], slaEvents: [], users: [], organizations: [], groups: [] }
}

export function mergeReasons(into: ReasonCounts, add: ReasonCounts): ReasonCounts {
  const out: ReasonCounts = { ...into }
  for (const [k, n] of Object.entries(add) as [keyof ReasonCounts, number][]) {
    out[k] = (out[k] ?? 0) + n
  }
  return out
}

/**
 * A ticket the fallback listed but show_many no longer returns: deleted since. The engine leaves
 * deleted tickets out of every figure, so only the id, status and version matter.
 */
export function tombstone(id: number, at: number): StoredTicket {
  return {
    ticket: { ...blankRecord(), id, status: 'deleted', createdAt: at, updatedAt: at },
    tags: [],
    priority: null,
    subject: '',
  }
}

function abortQuietly(tx: { abort(): void } | undefined): void {
  try {
    tx?.abort()
  } catch {
    // already finished or aborted by the failed request
  }
}

/** Writes pages; every write is one transaction with the state that follows it. */
export function createCommitter(db: SyncDb, hooks: CommitHooks) {
  type Stores = ('ticketPages' | 'eventPages' | 'users' | 'organizations' | 'groups' | 'meta')[]
  type Tx = IDBPTransaction<SyncSchema, Stores, 'readwrite'>

  /**
   * Runs `write` in one readwrite transaction and commits, or aborts the whole transaction when
   * `beforeCommit` throws (that error is rethrown as is) or any write fails (a StoreError).
   */
  async function inTransaction(
    stores: Stores,
    write: (tx: Tx) => Promise<unknown>[],
    info: CommitInfo,
  ): Promise<void> {
    let tx: Tx | undefined
    let ops: Promise<unknown>[]
    try {
      tx = db.transaction(stores, 'readwrite')
      ops = write(tx)
    } catch (err) {
      // refused at once (a closed database, a value that cannot be stored): nothing was written
      abortQuietly(tx)
      throw writeError(db.name, err)
    }
    try {
      hooks.beforeCommit?.(info)
    } catch (err) {
      tx.abort()
      await Promise.allSettled([...ops, tx.done])
      throw err
    }
    const results = await Promise.allSettled([...ops, tx.done])
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
    if (reasons.length > 0) {
      abortQuietly(tx)
      // the request's own error (e.g. QuotaExceededError) says more than the transaction's AbortError
      const cause =
        reasons.find((r) => (r as { name?: unknown } | null)?.name !== 'AbortError') ?? reasons[0]
      throw writeError(db.name, cause)
    }
  }

  return {
    /**
     * Normalises a ticket page and writes it, its users and organizations, and `next` (with the
     * page's totals added). `vanished` ids become deleted tickets.
     */
    async tickets(
      page: TicketPageInput,
      next: TicketSyncState,
      options: { vanished?: readonly number[]; at: number },
    ): Promise<TicketSyncState> {
      const n = normalizeExportPage(page)
      const tombs = (options.vanished ?? []).map((id) => tombstone(id, options.at))
      const tickets = [...n.tickets, ...tombs]
      const deleted = n.records.filter((r) => r.status === 'deleted').length + tombs.length
      const state: TicketSyncState = {
        ...next,
        ticketsSynced: next.ticketsSynced + n.records.length,
        deleted: next.deleted + deleted,
        skipped: next.skipped + n.skipped,
        reasons: mergeReasons(next.reasons, n.reasons),
        updatedAt: options.at,
      }
      await inTransaction(
        ['ticketPages', 'users', 'organizations', 'meta'],
        (tx) => {
          const ops: Promise<unknown>[] = []
          if (tickets.length > 0)
            ops.push(tx.objectStore('ticketPages').add(encodeTicketPage(tickets)))
          for (const u of n.users) ops.push(tx.objectStore('users').put(u))
          for (const o of n.organizations) ops.push(tx.objectStore('organizations').put(o))
          ops.push(writeMeta(tx.objectStore('meta'), 'tickets', state))
          return ops
        },
        { export: 'tickets', page: state.pagesDone },
      )
      hooks.onCommit?.(
        { ...emptyChange(), tickets, users: n.users, organizations: n.organizations },
        state,
      )
      return state
    },

    /** Writes a page of SLA events (repeats of the boundary second left out) and `next`. */
    async events(events: readonly SlaEvent[], next: EventSyncState): Promise<void> {
      await inTransaction(
        ['eventPages', 'meta'],
        (tx) => [
          ...(events.length > 0 ? [tx.objectStore('eventPages').add(encodeEventPage(events))] : []),
          writeMeta(tx.objectStore('meta'), 'events', next),
        ],
        { export: 'events', page: next.pagesDone },
      )
      hooks.onCommit?.({ ...emptyChange(), slaEvents: [...events] })
    },

    /** Writes the team's groups and agents. Groups no longer listed keep their names (old tickets cite them). */
    async people(
      groups: readonly StoredGroup[],
      agents: readonly StoredUser[],
      state: PeopleSyncState,
    ): Promise<void> {
      await inTransaction(
        ['groups', 'users', 'meta'],
        (tx) => [
          ...groups.map((g) => tx.objectStore('groups').put(g)),
          ...agents.map((u) => tx.objectStore('users').put(u)),
          writeMeta(tx.objectStore('meta'), 'people', state),
        ],
        { export: 'people', page: 1 },
      )
      hooks.onCommit?.({ ...emptyChange(), groups: [...groups], users: [...agents] })
    },

    async saveTicketState(state: TicketSyncState): Promise<void> {
      try {
        await writeMeta(db, 'tickets', state)
      } catch (err) {
        throw writeError(db.name, err)
      }
    },

    async savePeopleState(state: PeopleSyncState): Promise<void> {
      try {
        await writeMeta(db, 'people', state)
      } catch (err) {
        throw writeError(db.name, err)
      }
    },
  }
}

export type Committer = ReturnType<typeof createCommitter>
