// "Now" for the sidebar's score, on Zendesk's clock: moves once a minute while the app is visible, at
// once when it becomes visible again or the clock learns Zendesk's time, so SLA urgency and waiting
// time stay current without waking hidden tabs.

import { useEffect, useState } from 'react'

import type { ZafClient } from '../zaf/types'
import type { ServerClock } from './serverClock'

export const CLOCK_TICK_MS = 60_000

/**
 * Epoch ms, updated every `CLOCK_TICK_MS` while the document is visible and the app is active
 * (ZAF's `app.activated` / `app.deactivated`).
 *
 * @example
 * const now = useMinuteClock(client, clock) // re-renders once a minute
 */
export function useMinuteClock(
  client: ZafClient,
  clock: Pick<ServerClock, 'now' | 'subscribe'>,
  tickMs = CLOCK_TICK_MS,
): number {
  const [now, setNow] = useState(() => clock.now())
  useEffect(() => {
    let active = true
    const visible = () => active && document.visibilityState !== 'hidden'
    const tick = () => {
      if (visible()) setNow(clock.now())
    }
    const unsubscribe = clock.subscribe(() => setNow(clock.now()))
    const timer = setInterval(tick, tickMs)
    const onActivated = () => {
      active = true
      tick()
    }
    const onDeactivated = () => {
      active = false
    }
    document.addEventListener('visibilitychange', tick)
    client.on('app.activated', onActivated)
    client.on('app.deactivated', onDeactivated)
    return () => {
      unsubscribe()
      clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
      client.off('app.activated', onActivated)
      client.off('app.deactivated', onDeactivated)
    }
  }, [client, clock, tickMs])
  return now
}
