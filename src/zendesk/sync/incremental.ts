// Admin path: the incremental ticket export (`incremental/tickets/cursor` with metric sets, users
// and organizations sideloaded), one committed page at a time, from the stored cursor.

import { fetchIncrementalTicketsPage, searchCount } from '../api/endpoints'
import { isZendeskApiError } from '../errors'
import type { TicketSyncState } from '../store/db'
import type { SyncContext } from './context'
import { stoppedError } from './context'

/** The account's ticket count for the ETA of a first pass; null when search cannot tell. */
async function countTickets(ctx: SyncContext): Promise<number | null> {
  try {
    return await searchCount(ctx.client, 'type:ticket')
  } catch (err) {
    if (isZendeskApiError(err) && err.code === 'cancelled') throw err
    return null
  }
}

/**
 * Exports until `end_of_stream`. A 403 on the very first page (not an admin) hands over to the
 * agent fallback via `onForbidden`, with the reason stored.
 *
 * @example
 * const state = await incrementalRound(ctx, stored, { onForbidden: (s) => fallbackRound(ctx, s) })
 */
export async function incrementalRound(
  ctx: SyncContext,
  initial: TicketSyncState,
  options: { onForbidden: (state: TicketSyncState) => Promise<TicketSyncState> },
): Promise<TicketSyncState> {
  let state: TicketSyncState = { ...initial, caughtUp: false }
  if (state.cursor === null && state.pagesDone === 0 && state.expectedTotal === null) {
    state = { ...state, expectedTotal: await countTickets(ctx) }
  }
  for (;;) {
    if (ctx.isStopped()) throw stoppedError()
    const from =
      state.cursor !== null
        ? { cursor: state.cursor }
        : { startTime: Math.min(state.startTime, Math.floor(ctx.timer.now() / 1000) - 61) }
    let page
    try {
      page = await fetchIncrementalTicketsPage(ctx.client, from, { perPage: ctx.perPage })
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
        await ctx.commit.saveTicketState(fallback)
        return options.onForbidden(fallback)
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
    state = await ctx.commit.tickets(
      page,
      {
        ...state,
        cursor: page.after_cursor ?? state.cursor,
        caughtUp: page.end_of_stream,
        // an empty poll answer is not a page of data
        pagesDone: state.pagesDone + (page.tickets.length > 0 ? 1 : 0),
        lastGenerated: generated,
        firstGenerated: first,
      },
      { at: ctx.timer.now() },
    )
    ctx.pageDone(state)
    if (page.end_of_stream) return state
  }
}
