// The SLA warning standing for one ticket, for the sidebar's banner. The tab that polls (the
// leader) publishes the warnings standing now to shared storage; this hook reads them in any tab
// and follows changes through the `storage` event, so the sidebar needs no request of its own.

import { useMemo, useSyncExternalStore } from 'react'

import type { SlaWarning } from '@/core'
import { useCurrentUser } from '../hooks/useCurrentUser'
import { browserStore } from '../leader/tabs'
import type { KeyValueStore } from '../leader/tabs'
import { useRegisteredClient } from '../zaf/ClientProvider'
import { readStanding, standingKey } from './memory'

/** The soonest-breaching standing warning of `ticketId`, or null. */
export function standingWarningFor(
  warnings: readonly SlaWarning[],
  ticketId: number | null | undefined,
): SlaWarning | null {
  if (ticketId == null) return null
  let best: SlaWarning | null = null
  for (const w of warnings) {
    if (w.ticketId === ticketId && (best === null || w.breachAt < best.breachAt)) best = w
  }
  return best
}

function subscribeTo(key: string | null) {
  return (onChange: () => void): (() => void) => {
    if (key === null || typeof window === 'undefined') return () => undefined
    const handler = (event: StorageEvent): void => {
      if (event.key === null || event.key === key) onChange()
    }
    window.addEventListener('storage', handler)
    return () => window.removeEventListener('storage', handler)
  }
}

/**
 * The warning the signed-in agent should see in this ticket's sidebar: `{ metric, tier,
 * minutesLeft, breachAt, … }` while a Gold or Platinum ticket of theirs is within
 * `slaWarningMinutes` of breaching an SLA target, else null. Render it as a banner; the numbers
 * come ready to show.
 *
 * @example
 * const warning = useSlaWarning(ticketId)
 * if (warning) t('background.slaWarning', { ticketId, minutes: warning.minutesLeft })
 */
export function useSlaWarning(
  ticketId: number | null | undefined,
  given?: KeyValueStore | null,
): SlaWarning | null {
  const store = given === undefined ? browserStore() : given
  const { context } = useRegisteredClient()
  const user = useCurrentUser()
  const userId = user.data?.id ?? null
  const key = userId === null ? null : standingKey(context.account.subdomain, userId)
  const subscribe = useMemo(() => subscribeTo(key), [key])
  const raw = useSyncExternalStore(subscribe, () =>
    key === null || store === null ? null : store.get(key),
  )
  return useMemo(() => {
    if (raw === null || key === null || store === null) return null
    return standingWarningFor(readStanding({ ...store, get: () => raw }, key), ticketId)
  }, [raw, key, store, ticketId])
}
