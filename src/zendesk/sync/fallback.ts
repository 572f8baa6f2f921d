// Agent path (the incremental exports answer 403): search export of tickets (`updated>` the
// previous pass, minus the search index lag) plus `tickets/show_many` with sideloads per page.
// Tickets search lists but show_many no longer returns are stored as deleted.

import {
  SEARCH_EXPORT_CURSOR_TTL_MS,
  fetchSearchExportPage,
  fetchTicketsById,
  searchCount,
} from '../api/endpoints'
import { isZendeskApiError } from '../errors'
import type { TicketSyncState } from '../store/db'
import type { SyncContext } from './context'
import { iso, stoppedError } from './context'

/** Search index lag allowance: a fallback pass re-reads tickets updated this long before it began. */
export const FALLBACK_OVERLAP_MS = 5 * 60_000

/** The newest `updated_at` among `tickets` and `seen` (Unix seconds), or `seen`. */
function newestUpdate(
  tickets: readonly { updated_at?: unknown }[],
  seen: number | null,
): number | null {
  let newest = seen
  for (const t of tickets) {
    const ms = typeof t.updated_at === 'string' ? Date.parse(t.updated_at) : NaN
    if (Number.isFinite(ms)) newest = Math.max(newest ?? 0, Math.floor(ms / 1000))
  }
  return newest
}

/**
 * The next pass's `updated>` bound: the earlier of when this pass began and the newest update it
 * has seen (both Zendesk's clock and this computer's can be the later one: a computer clock ahead
 * of Zendesk's must not skip the changes made in between), less the search index lag allowance.
 */
function nextPassSince(passStartedAt: number, newestSeen: number | null): string {
  const bound = newestSeen === null ? passStartedAt : Math.min(passStartedAt, newestSeen * 1000)
  return iso(bound - FALLBACK_OVERLAP_MS)
}

/**
 * One pass of the fallback, from the stored search cursor (or a new pass).
 *
 * @example
 * const state = await fallbackRound(ctx, stored)
 */
export async function fallbackRound(
  ctx: SyncContext,
  initial: TicketSyncState,
): Promise<TicketSyncState> {
  const { client, timer } = ctx
  let state: TicketSyncState = { ...initial, caughtUp: false }
  for (;;) {
    if (ctx.isStopped()) throw stoppedError()
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
        pageSize: ctx.searchPageSize,
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
    const newest = newestUpdate(shown.tickets, state.lastGenerated)
    state = await ctx.commit.tickets(
      shown,
      {
        ...state,
        cursor: more ? page.meta.after_cursor : null,
        cursorIssuedAt: more ? timer.now() : null,
        passDone: state.passDone + ids.length,
        ...(more
          ? {}
          : {
              passSince: nextPassSince(passStartedAt, newest),
              passStartedAt: null,
              passTotal: null,
            }),
        caughtUp: !more,
        pagesDone: state.pagesDone + (ids.length > 0 ? 1 : 0),
        // for the fallback: the newest ticket update seen, Unix seconds
        lastGenerated: newest,
      },
      { vanished, at: timer.now() },
    )
    ctx.pageDone(state)
    if (!more) return state
  }
}
