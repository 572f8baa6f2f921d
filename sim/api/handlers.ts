// msw 2 handlers for the simulated Zendesk API: one catch-all handler under `/api/v2/` (any origin) that
// delegates to the fetch-style core (core.ts), so jest, the preview and the HTTP server share one API.
import { http, type HttpHandler } from 'msw'

import type { SimAccount } from '../account'
import { type SimApiOptions, type SimCore, createSimCore } from './core'

export type { SimApiOptions, SimCore } from './core'

export type SimApi = SimCore & { handlers: HttpHandler[] }

/** Creates the simulated API for an account, with its msw handlers. */
export function createSimApi(account: SimAccount, options: SimApiOptions = {}): SimApi {
  const core = createSimCore(account, options)
  const handler = http.all('*/api/v2/*', ({ request }) => core.fetch(request))
  return { ...core, handlers: [handler] }
}
