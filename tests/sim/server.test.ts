import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { createManualClock } from '@sim/clock'
import { startSimServer } from '@sim/server'
import { buildSkeleton } from '@sim/skeleton'
import { basicAuth } from '@sim/workspace/requests'

const EXPORT = '/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=5'

describe('rate-limit windows', () => {
  afterEach(() => jest.restoreAllMocks())

  it('follow the rateClock when one is given, not the account clock', async () => {
    const account = createSimAccount({ tickets: 100, seed: 1 })
    let wall = 1_000_000
    const core = createSimCore(account, { rateClock: () => wall })
    const call = (path: string) => core.fetch(new Request(`https://example.zendesk.com${path}`))
    for (let i = 0; i < 10; i++) expect((await call(EXPORT)).status).toBe(200)
    expect((await call(EXPORT)).status).toBe(429)
    // the account clock moving does not turn the window; real time does
    account.clock.advance(120_000)
    expect((await call(EXPORT)).status).toBe(429)
    wall += 61_000
    expect((await call(EXPORT)).status).toBe(200)
  })

  it('of the HTTP server turn with the wall clock while a manual account clock stands still', async () => {
    const end = '2026-10-31'
    const clock = createManualClock(buildSkeleton({ tickets: 100, seed: 1, end }).endMs)
    const server = await startSimServer({ tickets: 100, seed: 1, end, port: 0, clock })
    try {
      const auth = basicAuth(server.account.adminEmail, server.account.apiToken)
      const call = (path: string) =>
        fetch(`${server.url}${path}`, { headers: { Authorization: auth } })
      for (let i = 0; i < 10; i++) expect((await call(EXPORT)).status).toBe(200)
      const limited = await call(EXPORT)
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('Retry-After'))).toBeLessThanOrEqual(60)
      // a minute later by the wall clock, with the account clock where it was
      const now = Date.now()
      jest.spyOn(Date, 'now').mockReturnValue(now + 61_000)
      expect((await call(EXPORT)).status).toBe(200)
      expect(server.account.clock.now()).toBe(clock.now())
    } finally {
      await server.close()
    }
  })
})
