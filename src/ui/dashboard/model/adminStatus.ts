// The admin status area's figures from the background's shared status (leader, sync, budget).

import type { BackgroundStatus } from '@/zendesk/leader/backgroundStatus'

import { secondsBetween } from './syncProgress'

export interface AdminStatusModel {
  /** The tab leading the sync and since how many whole seconds; null when no tab leads. */
  leader: { tabId: string; tabLabel: string; since: number; secondsLeading: number } | null
  /** Pages the leader committed, and when the last one landed (whole seconds ago). */
  pages: number
  lastPageAt: number | null
  lastPageSecondsAgo: number | null
  caughtUp: boolean
  /** Newest first, as the leader recorded them. */
  errors: { message: string; at: number }[]
  /** Requests every instance sent in the last minute against the browser-wide budget. */
  budget: {
    used: number
    sync: number
    interactive: number
    /** Requests a minute all instances may send; null before the first request sets it. */
    limit: number | null
    /** used / limit (0…1, above 1 when over), null without a limit. */
    share: number | null
    /** Epoch ms until which a 429 pauses every instance; null when not paused (or already over). */
    pausedUntil: number | null
  }
  /** False when the browser refuses shared storage: the figures are this tab's only. */
  shared: boolean
}

/** A tab id is a UUID: its first block tells tabs apart on screen (the whole id is its title). */
const tabLabel = (tabId: string): string => (tabId.length > 12 ? `${tabId.slice(0, 8)}…` : tabId)

/**
 * What the admin status area shows at instant `now`: the leader tab, the sync's last page and its
 * errors, and the requests used against the budget, with every age in whole seconds.
 *
 * @example
 * adminStatus({ leader: { tabId: 't1', since: 0, expiresAt: 9e12, mode: 'web-locks' }, sync: null,
 *   budget: { used: 3, sync: 2, interactive: 1, budget: 70, pausedUntil: null }, shared: true }, 5_000)
 * //=> { leader: { tabId: 't1', tabLabel: 't1', since: 0, secondsLeading: 5 }, pages: 0, lastPageAt: null, …,
 * //     budget: { used: 3, sync: 2, interactive: 1, limit: 70, share: 0.042…, pausedUntil: null }, shared: true }
 */
export function adminStatus(status: BackgroundStatus, now: number): AdminStatusModel {
  const { leader, sync, budget } = status
  const limit = budget.budget > 0 ? budget.budget : null
  const lastPageAt = sync?.lastPageAt ?? null
  return {
    leader:
      leader === null
        ? null
        : {
            tabId: leader.tabId,
            tabLabel: tabLabel(leader.tabId),
            since: leader.since,
            secondsLeading: secondsBetween(leader.since, now),
          },
    pages: sync?.pagesDone ?? 0,
    lastPageAt,
    lastPageSecondsAgo: lastPageAt === null ? null : secondsBetween(lastPageAt, now),
    caughtUp: sync?.caughtUp ?? false,
    errors: (sync?.errors ?? []).map((e) => ({ message: e.message, at: e.at })),
    budget: {
      used: budget.used,
      sync: budget.sync,
      interactive: budget.interactive,
      limit,
      share: limit === null ? null : budget.used / limit,
      pausedUntil:
        budget.pausedUntil !== null && budget.pausedUntil > now ? budget.pausedUntil : null,
    },
    shared: status.shared,
  }
}
