// The background's SLA warnings for the signed-in agent: the leader tab polls their open tickets
// (one poll per browser, within the shared budget) and shows each warning through ZAF `notify`;
// the other tabs show the same warning when the leader records it, so the agent sees it in the
// Zendesk tab they are looking at. No React here: the background must not load it.

import { valueModelSettings } from '@/core'
import type { SlaWarningRecord, ValueModelSettingsSource } from '@/core'
import { englishMessages } from '@/i18n/catalog'
import { loadLanguage } from '@/i18n/language'
import { createTranslator } from '@/i18n/translate'
import type { Translate } from '@/i18n/translate'
import type { ZendeskClient } from '../api/client'
import { readSharedBaseline } from '../baseline/sharedBaseline'
import { currentUserOf } from '../hooks/currentUser'
import type { CurrentUser } from '../hooks/currentUser'
import type { LeaderElection } from '../leader/election'
import { browserStore, memoryStore } from '../leader/tabs'
import type { KeyValueStore } from '../leader/tabs'
import { whileLeader } from '../leader/whileLeader'
import type { AppSettings } from '../settings'
import type { ZafClient } from '../zaf/types'
import { readWarned, warnedKey } from './memory'
import { createSlaWarner } from './slaWarner'
import type { SlaWarner } from './slaWarner'

export type SlaWarningsOptions = {
  zaf: Pick<ZafClient, 'get' | 'invoke'>
  subdomain: string
  /** The signed-in user when the caller has read it already (else read from ZAF here). */
  user?: CurrentUser | null
  /** The installation settings: the warning time and the value model's (for the tiers). */
  settings: Pick<AppSettings, 'slaWarningMinutes'> & ValueModelSettingsSource
  /** A client under the shared budget (kind `sync`: the poll can wait for a sidebar). */
  client: ZendeskClient
  election: Pick<LeaderElection, 'isLeader' | 'onChange'>
  store?: KeyValueStore
  /** Where failures go (default console.warn); the status area reads the sync's errors. */
  warn?: (message: string, detail?: unknown) => void
  /** Where `storage` events arrive (default the window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
  /** Replaces the poller (tests). */
  createWarner?: typeof createSlaWarner
  /** Reads the account's shared baseline (default `readSharedBaseline`, cached for a day). */
  readBaseline?: typeof readSharedBaseline
}

/**
 * Starts the SLA warnings of the signed-in agent. Resolves with `stop` (wire it to
 * `app.willDestroy`); never rejects: a failure is warned about and nothing runs.
 */
export async function startSlaWarnings(options: SlaWarningsOptions): Promise<{ stop(): void }> {
  const warn =
    options.warn ?? ((m: string, d?: unknown) => console.warn(`Retention Radar: ${m}`, d))
  const store = options.store ?? browserStore() ?? memoryStore()
  let user: CurrentUser
  let t: Translate
  try {
    user = options.user ?? currentUserOf((await options.zaf.get('currentUser')).currentUser)
    const { locale, messages } = await loadLanguage(user.locale)
    t = createTranslator(locale, messages, englishMessages)
  } catch (err) {
    warn('SLA warnings are off: the signed-in user could not be read', err)
    return { stop: () => undefined }
  }

  const notify = async (ticketId: number, minutes: number): Promise<void> => {
    const message = t('background.slaWarning', { ticketId, minutes })
    await options.zaf.invoke('notify', message, 'alert', { sticky: true })
  }

  const make = options.createWarner ?? createSlaWarner
  const readBaseline = options.readBaseline ?? readSharedBaseline
  const warner: SlaWarner = make({
    client: options.client,
    subdomain: options.subdomain,
    userId: user.id,
    store,
    warningMinutes: options.settings.slaWarningMinutes,
    // the sidebar's tier rule, with the account's shared baseline as the sidebar reads it
    settings: valueModelSettings(options.settings),
    baseline: async () => {
      const shared = await readBaseline(options.client, { account: options.subdomain })
      return shared.status === 'ok' ? shared.baseline : null
    },
    notify: (w) => notify(w.ticketId, w.minutesLeft),
    onError: (err) => warn('SLA warnings', err),
  })
  const unwatch = whileLeader(options.election, () => {
    warner.start()
    return { stop: () => warner.stop() }
  })

  // the other tabs: show what the leader records, once each
  const key = warnedKey(options.subdomain, user.id)
  const seen = new Set(readWarned(store, key).keys())
  const onStorage = (event: Event): void => {
    if ((event as StorageEvent).key !== key || options.election.isLeader()) return
    for (const [k, record] of readWarned(store, key)) {
      if (seen.has(k)) continue
      seen.add(k)
      notify(record.ticketId, minutesOf(record)).catch((err: unknown) => warn('SLA warnings', err))
    }
  }
  const events = options.events ?? (typeof window === 'undefined' ? null : window)
  events?.addEventListener('storage', onStorage)

  return {
    stop() {
      unwatch()
      events?.removeEventListener('storage', onStorage)
    },
  }
}

function minutesOf(record: SlaWarningRecord): number {
  return Math.max(1, Math.ceil((record.breachAt - record.warnedAt) / 60_000))
}
