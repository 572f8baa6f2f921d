// One governed API client and one requester-history store per ZAF client, so every hook of the
// sidebar shares the budget, the in-flight requests and the in-memory cache. Zendesk's clock is
// kept apart from the client: the first render reads the clock, and the client is made by the
// first request, after that render.

import { madeOnce } from '@/core'

import { createZafZendeskClient } from '../api/factory'
import { zafBudgetOptions } from '../budget/zafBudget'
import type { ZendeskClient } from '../api/client'
import { createRequesterHistory } from '../history'
import type { RequesterHistoryStore } from '../history'
import type { AppSettings } from '../settings'
import type { ZafClient } from '../zaf/types'
import { createServerClock, observingClock } from './serverClock'
import type { ServerClock } from './serverClock'

export type SidebarApi = {
  api: ZendeskClient
  history: RequesterHistoryStore
  /** Zendesk's time, learnt from the answers' Date headers. */
  clock: ServerClock
}

const apis = new WeakMap<ZafClient, SidebarApi>()
const clocks = new WeakMap<ZafClient, ServerClock>()

/**
 * Zendesk's time for the sidebar of `zaf`: the clock its API client learns from the answers' Date
 * headers, readable before that client is made (its making subscribes to `app.willDestroy` and
 * sets up the browser-wide budget, none of which the first render needs).
 *
 * @example
 * const now = useMinuteClock(client, sidebarClock(client))
 */
export function sidebarClock(zaf: ZafClient): ServerClock {
  return madeOnce(clocks, zaf, () => createServerClock())
}

/**
 * The sidebar's API client and history store for `zaf` (made once, stopped with the app).
 *
 * @example
 * const { history } = sidebarApi(client, settings)
 * await history.get(42)
 */
export function sidebarApi(
  zaf: ZafClient,
  settings: Pick<AppSettings, 'apiBudgetShare'>,
): SidebarApi {
  return madeOnce(apis, zaf, () => {
    // An agent is looking at the sidebar: after a minute of rate-limit waits, say so (with the
    // cached data, if any) instead of waiting the governor's default quarter of an hour.
    const clock = sidebarClock(zaf)
    // Requests share the browser-wide budget with the app's other instances, as interactive work.
    const api = createZafZendeskClient(
      zaf,
      settings,
      observingClock(clock, zafBudgetOptions(zaf, 'interactive', { maxRateLimitWaitMs: 60_000 })),
    )
    return { api, history: createRequesterHistory({ client: api }), clock }
  })
}
