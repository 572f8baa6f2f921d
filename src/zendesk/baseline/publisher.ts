// When the background of a KPI-role user publishes the shared baseline: after the first full sync,
// then at most once a day across every such browser (the record's own `computed_at` says when it
// was last done, so two team leads online do not both publish).

import { accountBaselineOf, baselineRecord, valueModelSettings } from '@/core'
import type { ValueModelSettingsSource } from '@/core'

import type { ZendeskClient } from '../api/client'
import type { LoadedAccount } from '../store/types'
import { BASELINE_CACHE_MS, publishBaseline, readSharedBaseline } from './sharedBaseline'
import type { SharedBaselineOptions } from './sharedBaseline'

/** A failed attempt is not repeated sooner than this. */
export const BASELINE_RETRY_MS = 60 * 60_000

export type BaselinePublisherOptions = {
  client: ZendeskClient
  /** The account (subdomain), for the local cache. */
  account: string
  getAccount: () => LoadedAccount
  settings: ValueModelSettingsSource
  now?: () => number
  storage?: SharedBaselineOptions['storage']
}

export type PublishOutcome =
  | { kind: 'published'; computedAt: number }
  | { kind: 'fresh'; computedAt: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; message: string }

export type BaselinePublisher = {
  /**
   * Called after each sync progress: publishes when the sync has caught up and the record is a
   * day old (or missing or unreadable). Resolves null when it is not time to check.
   */
  onSync(caughtUp: boolean): Promise<PublishOutcome | null>
}

/**
 * The background's baseline publisher (one per background). It checks at most once per
 * `BASELINE_RETRY_MS` after a failure and once a day after a success.
 *
 * @example
 * const publisher = createBaselinePublisher({ client, account: 'acme', getAccount, settings })
 * sync.onProgress = (p) => void publisher.onSync(p.caughtUp)
 */
export function createBaselinePublisher(options: BaselinePublisherOptions): BaselinePublisher {
  const now = options.now ?? Date.now
  let nextCheckAt = 0
  let running: Promise<PublishOutcome> | null = null

  const attempt = async (): Promise<PublishOutcome> => {
    const at = now()
    const current = await readSharedBaseline(options.client, {
      account: options.account,
      force: true,
      now,
      ...(options.storage !== undefined ? { storage: options.storage } : {}),
    })
    if (current.status === 'ok' && at - current.computedAt < BASELINE_CACHE_MS) {
      nextCheckAt = current.computedAt + BASELINE_CACHE_MS
      return { kind: 'fresh', computedAt: current.computedAt }
    }
    if (current.status === 'missing' && current.reason === 'no-object') {
      nextCheckAt = at + BASELINE_RETRY_MS
      return { kind: 'skipped', reason: current.message }
    }
    if (current.status === 'unavailable') {
      nextCheckAt = at + BASELINE_RETRY_MS
      return { kind: 'failed', message: current.message }
    }
    const account = options.getAccount()
    const baseline = accountBaselineOf({
      profiles: account.profiles().values(),
      tickets: [...account.tickets()],
      now: at,
      settings: valueModelSettings(options.settings),
    })
    const record = baselineRecord(baseline, {
      computedAt: at,
      currency: options.settings.valueCurrency,
    })
    try {
      await publishBaseline(options.client, record, {
        account: options.account,
        now,
        ...(options.storage !== undefined ? { storage: options.storage } : {}),
      })
    } catch (err) {
      nextCheckAt = at + BASELINE_RETRY_MS
      return {
        kind: 'failed',
        message: `Could not publish the shared baseline (${err instanceof Error ? err.message : String(err)})`,
      }
    }
    nextCheckAt = at + BASELINE_CACHE_MS
    return { kind: 'published', computedAt: at }
  }

  return {
    async onSync(caughtUp) {
      if (!caughtUp || running !== null || now() < nextCheckAt) return null
      running = attempt()
      try {
        return await running
      } finally {
        running = null
      }
    },
  }
}
