// The background's engine room, as the location wires it: one election per tab, the team sync
// only in the leader tab (with its status recorded for the dashboard), every request of this
// instance under the browser-wide budget, and the signed-in agent's SLA warnings. Its answers'
// Date headers teach the tab Zendesk's clock, so a sidebar opened later in the tab counts SLA and
// waiting minutes on it from its first render.
//
// The location passes `createClient` and `createSync` to its own startup in place of the plain
// factories, and calls `startSlaWarnings` once registered and `stop` on `app.willDestroy`.

import { madeOnce } from '@/core'

import { createZafZendeskClient } from '../api/factory'
import type { ZendeskClient } from '../api/client'
import { budgetFor } from '../budget/zafBudget'
import type { SharedBudget } from '../budget/sharedBudget'
import type { CurrentUser } from '../hooks/currentUser'
import { createServerClock, observingClock } from '../hooks/serverClock'
import type { ServerClock } from '../hooks/serverClock'
import type { AppSettings } from '../settings'
import { createTeamSync } from '../sync/teamSync'
import type { SyncProgress, TeamSync, TeamSyncOptions } from '../sync/teamSync'
import { startSlaWarnings } from '../slaWarnings/startSlaWarnings'
import type { SlaWarningsOptions } from '../slaWarnings/startSlaWarnings'
import type { ZafClient, ZafContext } from '../zaf/types'
import { browserLeader } from './browserLeader'
import type { LeaderElection } from './election'
import { leaderOnlySync } from './leaderOnlySync'
import { appendStatusError, syncStatusKey } from './syncStatus'
import { syncStatusReporter } from './syncStatusReporter'
import { browserStore, memoryStore } from './tabs'
import type { KeyValueStore } from './tabs'

/**
 * Between sync rounds once caught up. A round starts this long after the previous one started, so
 * a change made in Zendesk is exported within it plus one request, and reaches an open dashboard
 * within 60 s.
 */
export const FRESH_POLL_MS = 40_000

export type BackgroundEngineOptions = {
  zaf: ZafClient
  context: Pick<ZafContext, 'instanceGuid' | 'account'>
  /** Replacements for tests. */
  election?: LeaderElection
  budget?: SharedBudget
  store?: KeyValueStore
  /** Zendesk's clock for the tab (sessionStorage, shared with the tab's sidebars). */
  clock?: ServerClock
  createSync?: (options: TeamSyncOptions) => TeamSync
  createClient?: typeof createZafZendeskClient
  startWarnings?: typeof startSlaWarnings
  warn?: (message: string, detail?: unknown) => void
}

export type BackgroundEngine = {
  election: LeaderElection
  budget: SharedBudget
  /** The ZAF API client of this instance, under the shared budget as bulk (`sync`) work. */
  createClient(zaf: ZafClient, settings: AppSettings): ZendeskClient
  /** The team sync, run only while this tab leads, its progress recorded for the status area. */
  createSync(options: TeamSyncOptions): TeamSync
  /** Starts the signed-in agent's SLA warnings (any role), for `user` when it is known already. */
  startSlaWarnings(settings: AppSettings, user?: CurrentUser | null): void
  stop(): void
}

export function createBackgroundEngine(options: BackgroundEngineOptions): BackgroundEngine {
  const { zaf, context } = options
  const subdomain = context.account.subdomain
  const warn =
    options.warn ?? ((m: string, d?: unknown) => console.warn(`Retention Radar: ${m}`, d))
  const store = options.store ?? browserStore() ?? memoryStore()
  const election = options.election ?? browserLeader(subdomain, context.instanceGuid)
  const budget = options.budget ?? budgetFor(subdomain)
  const clock = options.clock ?? createServerClock()
  const makeClient = options.createClient ?? createZafZendeskClient
  const makeSync = options.createSync ?? createTeamSync
  const startWarnings = options.startWarnings ?? startSlaWarnings
  const clients = new Map<AppSettings['apiBudgetShare'], ZendeskClient>()
  const stops: (() => void)[] = [() => election.stop()]
  let stopped = false

  function createClient(client: ZafClient, settings: AppSettings): ZendeskClient {
    // one governor per budget share, so the sync and the SLA poll share its pacing too
    return madeOnce(clients, settings.apiBudgetShare, () =>
      makeClient(client, settings, observingClock(clock, budget.governorOptions('sync'))),
    )
  }

  function createSync(syncOptions: TeamSyncOptions): TeamSync {
    const report = syncStatusReporter({
      store,
      key: syncStatusKey(subdomain),
      tabId: election.tabId,
    })
    const sync = leaderOnlySync<SyncProgress, TeamSync>(
      election,
      () =>
        makeSync({
          pollIntervalMs: FRESH_POLL_MS,
          ...syncOptions,
          onProgress: (progress) => {
            report(progress)
            syncOptions.onProgress?.(progress)
          },
        }),
      { onEnded: (err) => warn('team sync ended', err) },
    )
    stops.push(() => sync.stop())
    return sync
  }

  function startSla(settings: AppSettings, user?: CurrentUser | null): void {
    if (stopped) return
    const warningsOptions: SlaWarningsOptions = {
      zaf,
      subdomain,
      user,
      settings,
      client: createClient(zaf, settings),
      election,
      store,
      warn: (message, detail) => {
        warn(message, detail)
        // in the status area too, with its time: never only in the console
        const reason = detail instanceof Error ? `: ${detail.message}` : ''
        appendStatusError(store, syncStatusKey(subdomain), election.tabId, {
          message: `${message}${reason}`,
          at: Date.now(),
        })
      },
    }
    void startWarnings(warningsOptions).then((started) => {
      if (stopped) started.stop()
      else stops.push(() => started.stop())
    })
  }

  return {
    election,
    budget,
    createClient,
    createSync,
    startSlaWarnings: startSla,
    stop() {
      if (stopped) return
      stopped = true
      // the sync and the warnings first, then the election: the next tab takes over cleanly
      for (const stop of stops.reverse()) {
        try {
          stop()
        } catch (err) {
          warn('stopping the background', err)
        }
      }
    },
  }
}
