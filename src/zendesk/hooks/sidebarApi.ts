// One governed API client and one requester-history store per ZAF client, so every hook of the
// sidebar shares the budget, the in-flight requests and the in-memory cache.

import { createZafZendeskClient } from '../api/factory'
import type { ZendeskClient } from '../api/client'
import { createRequesterHistory } from '../history'
import type { RequesterHistoryStore } from '../history'
import type { AppSettings } from '../settings'
import type { ZafClient } from '../zaf/types'

export type SidebarApi = { api: ZendeskClient; history: RequesterHistoryStore }

const apis = new WeakMap<ZafClient, SidebarApi>()

/**
 * The sidebar's API client and history store for `zaf` (made once, stopped with the app).
 *
 * @example
 * const { history } = sidebarApi(client, settings)
 * await history.get(42)
 */
export function sidebarApi(
  zaf: ZafClient,
  settings: Pick<AppSettings, 'apiBudgetShare'>,
): SidebarApi {
  let made = apis.get(zaf)
  if (made === undefined) {
    const api = createZafZendeskClient(zaf, settings)
    made = { api, history: createRequesterHistory({ client: api }) }
    apis.set(zaf, made)
  }
  return made
}
