// msw `setupServer` wired to the simulator's handlers, for data-layer tests:
//
//   const sim = createTestServer({ tickets: 500 })
//   beforeAll(() => sim.server.listen({ onUnhandledRequest: 'error' }))
//   afterEach(() => sim.reset())
//   afterAll(() => sim.server.close())
//
// Requests go to any origin under `/api/v2/` (e.g. https://retention-radar.zendesk.com/api/v2/...).
import { setupServer } from 'msw/node'

import { type SimAccount, type SimAccountOptions, createSimAccount } from '@sim/account'
import { type SimApi, type SimApiOptions, createSimApi } from '@sim/api/handlers'

export type TestServer = {
  server: ReturnType<typeof setupServer>
  account: SimAccount
  api: SimApi
  /** Base URL to call (`https://retention-radar.zendesk.com`). */
  baseUrl: string
  /** Clears the request log, rate-limit counts and the injected fault rules, and restores the admin session. */
  reset: () => void
}

export function createTestServer(
  options: Partial<SimAccountOptions> & SimApiOptions = {},
): TestServer {
  const account = createSimAccount({ tickets: 500, ...options })
  const api = createSimApi(account, options)
  const server = setupServer(...api.handlers)
  return {
    server,
    account,
    api,
    baseUrl: 'https://retention-radar.zendesk.com',
    reset() {
      api.log.clear()
      api.limiter.reset()
      api.faults.setRules([])
      api.setSession(options.session ?? 'admin')
    },
  }
}
