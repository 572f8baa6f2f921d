// Wires the governor to the ZAF client's lifecycle: `app.willDestroy` stops every wait and request.

import type { ZafClient } from '../zaf/types'
import type { Governor } from './governor'

/** Stops `governor` on `app.willDestroy`; returns a function that unbinds. */
export function stopOnWillDestroy(
  client: Pick<ZafClient, 'on' | 'off'>,
  governor: Governor,
): () => void {
  const handler = (): void => governor.destroy()
  client.on('app.willDestroy', handler)
  return () => client.off('app.willDestroy', handler)
}
