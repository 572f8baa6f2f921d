import type { ZafClient, ZafSdk } from './types'
import type { Registration } from './registered'

declare global {
  interface Window {
    ZAFClient?: ZafSdk
  }
}

export type InitResult =
  | {
      kind: 'client'
      client: ZafClient
      /**
       * The registration when it arrived before React mounted (the sidebar waits for it), as
       * `parseRegistration` checked it: used as it is, not parsed again.
       */
      registration?: Registration
    }
  | { kind: 'outside-zendesk' }
  | { kind: 'sdk-missing' }

/**
 * Starts the ZAF client. The SDK is a global script (Zendesk's CDN in production, the npm
 * package in the local preview), so this is the one place that touches `window.ZAFClient`.
 * `ZAFClient.init()` returns `false` when the page lacks `origin` / `app_guid`, i.e. it was
 * opened outside Zendesk.
 */
export function initZafClient(win: Pick<Window, 'ZAFClient'> = window): InitResult {
  const sdk = win.ZAFClient
  if (sdk === undefined) return { kind: 'sdk-missing' }
  const client = sdk.init()
  return client === false ? { kind: 'outside-zendesk' } : { kind: 'client', client }
}
