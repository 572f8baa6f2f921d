// Polls the signed-in agent's open tickets once a minute, within the shared API budget, and warns
// them through ZAF `notify` before a Gold or Platinum ticket breaches an SLA target. Runs in the
// leader tab only (one poll per browser); every given warning is remembered in shared storage so
// it is given once across reloads and tabs; the warnings standing now are published for the
// sidebar banner (`useSlaWarning`).

import { dueSlaWarnings } from '@/core'
import type { SlaWarning, SlaWarningRecord, ValueModelSettings } from '@/core'
import type { ZendeskClient } from '../api/client'
import { ZendeskApiError } from '../errors'
import { systemTimer } from '../governor'
import type { Timer } from '../governor'
import type { KeyValueStore } from '../leader/tabs'
import { fetchSlaTickets } from './fetchSlaTickets'
import type { SlaTicketsPage } from './fetchSlaTickets'
import { serverClock } from './serverClock'
import { readWarned, rememberWarned, standingKey, warnedKey, writeStanding } from './memory'
import { watchedTickets } from './watchedTickets'
import type { TierBaseline } from './watchedTickets'

export type SlaWarnerOptions = {
  client: ZendeskClient
  subdomain: string
  /** The signed-in agent: only their own tickets are watched and only they are warned. */
  userId: number
  store: KeyValueStore
  warningMinutes: number
  /**
   * The value model's settings (`valueModelSettings` of the installation settings): the tiers
   * follow the sidebar's rule (`customerTier`).
   */
  settings: ValueModelSettings
  /**
   * The account's baseline (its percentile and estimate thresholds), read at a poll whose tiers
   * need it; null, absent or a failure: the fallback thresholds, as in the sidebar without one.
   */
  baseline?: () => Promise<TierBaseline | null>
  /** Shows one warning (ZAF `notify`); a rejection leaves it to the next poll. */
  notify: (warning: SlaWarning) => Promise<void>
  /** Told after each poll what stands now (e.g. to post it to the other instances). */
  onStanding?: (warnings: SlaWarning[]) => void
  /** Told of a failed poll or notification, with when it happened. */
  onError?: (error: unknown, at: number) => void
  timer?: Timer
  /** Between polls (default 60 s, the freshness of Zendesk's own SLA badge). */
  intervalMs?: number
  /** Fetcher (tests); default `fetchSlaTickets`. */
  fetch?: (client: ZendeskClient, userId: number) => Promise<SlaTicketsPage>
}

export type SlaPollResult = {
  /** Warnings shown this poll. */
  given: SlaWarning[]
  /** Warnings due whose notification failed (tried again next poll). */
  failed: SlaWarning[]
  /** Every warning standing now (given now or earlier). */
  standing: SlaWarning[]
  /** The instant the rule used: Zendesk's clock as the SLA data tells it (serverClock). */
  now: number
}

export type SlaWarner = {
  runOnce(): Promise<SlaPollResult>
  start(): void
  stop(): void
}

export function createSlaWarner(options: SlaWarnerOptions): SlaWarner {
  const timer = options.timer ?? systemTimer
  const intervalMs = options.intervalMs ?? 60_000
  const fetch = options.fetch ?? fetchSlaTickets
  const onError = options.onError ?? ((err) => console.warn('Retention Radar: SLA warnings', err))
  const warned = warnedKey(options.subdomain, options.userId)
  const standingAt = standingKey(options.subdomain, options.userId)
  let controller: AbortController | null = null

  async function baseline(): Promise<TierBaseline | null> {
    if (options.baseline === undefined) return null
    try {
      return await options.baseline()
    } catch (err) {
      // the fallback thresholds apply: a warning is better than none
      onError(err, timer.now())
      return null
    }
  }

  async function runOnce(): Promise<SlaPollResult> {
    const page = await fetch(options.client, options.userId)
    const now = serverClock(page, timer.now())
    const tickets = await watchedTickets(page, { settings: options.settings, now, baseline })
    const rule = { now, warningMinutes: options.warningMinutes, userId: options.userId }
    const standing = dueSlaWarnings(tickets, { ...rule, warned: new Map() })
    writeStanding(options.store, standingAt, standing)
    options.onStanding?.(standing)

    const due = dueSlaWarnings(tickets, { ...rule, warned: readWarned(options.store, warned) })
    const given: SlaWarning[] = []
    const failed: SlaWarning[] = []
    for (const warning of due) {
      try {
        await options.notify(warning)
      } catch (err) {
        // e.g. the ticket or the user was deleted meanwhile: not remembered, so a later poll
        // that still finds it due tries again, and one that no longer lists it drops it
        failed.push(warning)
        onError(err, timer.now())
        continue
      }
      given.push(warning)
      // remembered at once, so a tab closed in the middle of a poll gives no warning twice
      const record: SlaWarningRecord = {
        ticketId: warning.ticketId,
        metric: warning.metric,
        assigneeId: warning.assigneeId,
        breachAt: warning.breachAt,
        warnedAt: now,
      }
      rememberWarned(options.store, warned, [record], now)
    }
    return { given, failed, standing, now }
  }

  async function loop(signal: AbortSignal): Promise<void> {
    const stopped = (): boolean => signal.aborted
    while (!stopped()) {
      try {
        await runOnce()
      } catch (err) {
        if (stopped()) return
        if (!(err instanceof ZendeskApiError && err.code === 'cancelled')) onError(err, timer.now())
      }
      try {
        await timer.sleep(intervalMs, signal)
      } catch {
        return
      }
    }
  }

  return {
    runOnce,
    start() {
      if (controller !== null) return
      controller = new AbortController()
      void loop(controller.signal)
    },
    stop() {
      controller?.abort()
      controller = null
    },
  }
}
