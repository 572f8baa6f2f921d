import { useEffect } from 'react'
import type { RefObject } from 'react'

import type { ZafClient } from './types'

/**
 * Keeps the app frame as tall as its content (the sidebar's "auto height"): Zendesk does not
 * size app iframes itself, so the app invokes `resize` whenever its content changes height.
 */
export function useAutoResize(client: ZafClient, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current
    if (element === null) return undefined
    let last = -1
    const resize = () => {
      const height = Math.ceil(element.getBoundingClientRect().height)
      if (height === last) return
      last = height
      client.invoke('resize', { width: '100%', height: `${height}px` }).catch((err: unknown) => {
        console.warn('Retention Radar: resize failed', err)
      })
    }
    resize()
    const observer = new ResizeObserver(resize)
    observer.observe(element)
    return () => observer.disconnect()
  }, [client, ref])
}
