import { useEffect } from 'react'
import type { RefObject } from 'react'

import type { ZafClient } from './types'

/**
 * Keeps the app frame as tall as its content (the sidebar's "auto height"): Zendesk does not
 * size app iframes itself, so the app invokes `resize` whenever its content changes height.
 *
 * The height is read only in the ResizeObserver's callback, which the browser calls after its own
 * layout (once when observing starts, then on every change). Reading it in the effect instead
 * forced a synchronous layout of the whole frame inside React's commit task, before the browser
 * could paint the first render.
 */
export function useAutoResize(client: ZafClient, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current
    if (element === null) return undefined
    let last = -1
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height)
      if (height === last) return
      last = height
      client.invoke('resize', { width: '100%', height: `${height}px` }).catch((err: unknown) => {
        console.warn('Retention Radar: resize failed', err)
      })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [client, ref])
}
