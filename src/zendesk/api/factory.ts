// Ready-made clients: the app's (ZAF transport, budget share from the settings, stopped on
// `app.willDestroy`) and Node's (axios with a token or OAuth credentials).

import type { AppSettings } from '../settings'
import { createGovernor, stopOnWillDestroy } from '../governor'
import type { GovernorOptions } from '../governor'
import { createZafTransport } from '../transport/zafTransport'
import type { ZafClient } from '../zaf/types'
import { createZendeskClient } from './client'
import type { ZendeskClient } from './client'

/**
 * The data layer's client inside Zendesk: requests go through ZAF's proxy under the governor, with
 * the admin's "API budget share"; everything stops when the app is destroyed.
 */
export function createZafZendeskClient(
  zaf: ZafClient,
  settings: Pick<AppSettings, 'apiBudgetShare'>,
  options: Omit<GovernorOptions, 'apiBudgetShare'> = {},
): ZendeskClient {
  const governor = createGovernor(createZafTransport(zaf), {
    ...options,
    apiBudgetShare: settings.apiBudgetShare,
  })
  stopOnWillDestroy(zaf, governor)
  return createZendeskClient(governor)
}
