import { useEffect, useState } from 'react'

/**
 * The browser's clock as state, ticking every `everyMs` (default 1 s), so a label such as
 * "updated N s ago" stays true between data refreshes without asking for data again.
 *
 * @example
 * const now = useNow()
 * syncProgress(status, now).secondsAgo
 */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
