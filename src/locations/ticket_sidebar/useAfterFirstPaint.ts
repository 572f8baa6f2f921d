import { startTransition, useEffect, useState } from 'react'

/**
 * False during the component's first render and until the browser has painted it, then true. The
 * sidebar renders what an agent reads at a glance first and mounts the rest (the breakdown, the
 * history, the write status) in the frame after, so the glance does not wait for them.
 *
 * The effect runs after React's commit; the animation frame it asks for comes after the browser
 * has painted that commit, and the update it makes is a transition, so a ticket event arriving
 * meanwhile is handled first.
 *
 * @example
 * const details = useAfterFirstPaint()
 * return details ? <History /> : <Placeholder />
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setPainted(true)))
    return () => cancelAnimationFrame(frame)
  }, [])
  return painted
}
