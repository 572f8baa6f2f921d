// "Now" for the sidebar's score: moves once a minute while the app is visible, and at once when it
// becomes visible again, so SLA urgency and waiting time stay current without waking hidden tabs.

import { useEffect, useState } from 'react'

import type { ZafClient } from '../zaf/types'

export const CLOCK_TICK_MS = 60_000

/**
 * Epoch ms, updated every `CLOCK_TICK_MS` while the document is visible and the app is active
 * (ZAF's `app.activated` / `app.deactivated`).
 *
 * @example
 * const now = useMinuteClock(client) // re-renders once a minute
 */
export function useMinuteClock(client: ZafClient, tickMs = CLOCK_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let active = true
    const visible = () => active && document.visibilityState !== 'hidden'
    const tick = () => {
      if (visible()) setNow(Date.now())
    }
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
      clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
      client.off('app.activated', onActivated)
      client.off('app.deactivated', onDeactivated)
    }
  }, [client, tickMs])
  return now
}
