// Ticket metric events (SLA), admins only: the time-based export from the stored start time.
// The next request starts at the page's `end_time`, so events of that second are read again:
// their ids are kept with the state and the repeats left out, so each event is stored once.

import type { SlaEvent } from '@/core'
import { fetchMetricEventsPage } from '../api/endpoints'
import { normalizeMetricEventPage } from '../normalize'
import type { EventSyncState } from '../store/db'
import type { SyncContext } from './context'
import { stoppedError } from './context'

/** Zendesk's page size of the metric events export: a shorter page is the last. */
export const EVENTS_PAGE = 1000

/**
 * Exports SLA events until caught up, or until `until` (timer ms) has passed after a committed
 * page, so a long event backlog does not hold back the next ticket poll. `afterPage` reports each
 * committed page. Resolves with whether the events are caught up.
 *
 * @example
 * const caughtUp = await eventsRound(ctx, await readEventState(db), { afterPage: (s) => report(s) })
 */
export async function eventsRound(
  ctx: SyncContext,
  stored: EventSyncState | undefined,
  options: { afterPage: (state: EventSyncState) => void; until?: number },
): Promise<boolean> {
  let state: EventSyncState = stored ?? {
    startTime: ctx.startTime,
    caughtUp: false,
    pagesDone: 0,
    events: 0,
    boundaryIds: [],
    updatedAt: ctx.timer.now(),
  }
  for (;;) {
    if (ctx.isStopped()) throw stoppedError()
    // Zendesk refuses a start_time less than a minute old
    if (state.startTime > Math.floor(ctx.timer.now() / 1000) - 61) return true
    const page = await fetchMetricEventsPage(ctx.client, state.startTime)
    const { events } = normalizeMetricEventPage(page)
    const full = (page.count ?? page.ticket_metric_events.length) >= EVENTS_PAGE
    const done = page.end_of_stream ?? !full
    const nextStart =
      !done && page.end_time <= state.startTime ? state.startTime + 1 : page.end_time
    const seen = new Set(state.boundaryIds ?? [])
    const fresh: SlaEvent[] = events.filter((e) => !seen.has(e.id))
    // the ids the next request will read again: those at or after its start second
    const boundaryIds = events.filter((e) => e.time >= nextStart * 1000).map((e) => e.id)
    const next: EventSyncState = {
      startTime: nextStart,
      caughtUp: done,
      pagesDone: state.pagesDone + (events.length > 0 ? 1 : 0),
      events: state.events + fresh.length,
      boundaryIds: nextStart === state.startTime ? [...seen, ...boundaryIds] : boundaryIds,
      updatedAt: ctx.timer.now(),
    }
    await ctx.commit.events(fresh, next)
    state = next
    options.afterPage(state)
    if (done) return true
    if (options.until !== undefined && ctx.timer.now() >= options.until) return false
  }
}
