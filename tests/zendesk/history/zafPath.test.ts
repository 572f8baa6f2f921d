// The same history through the ZAF transport: a fake ZAF client whose `request` answers like
// Zendesk's proxy (complete responses, rejected on non-2xx), backed by the simulator.
import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { createZendeskClient } from '@/zendesk/api'
import { createGovernor, stopOnWillDestroy } from '@/zendesk/governor'
import { createRequesterHistory } from '@/zendesk/history'
import { createZafTransport } from '@/zendesk/transport/zafTransport'
import type { ZafRequestOptions } from '@/zendesk/zaf/types'
import { createFakeZafClient } from '../../support/fakeZafClient'
import { SIM_BASE, simTimer } from '../support/simTransport'

const account = createSimAccount({ tickets: 400, seed: 9 })

function zafClient(core: ReturnType<typeof createSimCore>) {
  const seen: ZafRequestOptions[] = []
  const client = createFakeZafClient({
    request: async (options) => {
      seen.push(options)
      const res = await core.fetch(
        new Request(`${SIM_BASE}${options.url}`, { method: options.type }),
      )
      const headers: Record<string, string> = {}
      res.headers.forEach((v, k) => (headers[k] = v))
      const complete = { status: res.status, responseText: await res.text(), headers }
      if (res.ok) return complete
      // the SDK rejects with the first response argument
      throw Object.assign(new Error(`HTTP ${res.status}`), complete)
    },
  })
  return { client, seen }
}

describe('requester history through the ZAF transport', () => {
  it('asks ZAF for complete responses without auto-retry and answers like the axios path', async () => {
    const core = createSimCore(account, { rateLimits: true })
    const { client, seen } = zafClient(core)
    const timer = simTimer(account)
    const governor = createGovernor(createZafTransport(client), { timer })
    const history = createRequesterHistory({ client: createZendeskClient(governor), timer })
    const requester = Number(account.ticketJson(account.ticket(1)!).requester_id)
    const h = await history.get(requester)
    expect(h.tickets.length).toBeGreaterThan(0)
    expect(h.requests).toBeLessThanOrEqual(2)
    expect(seen.every((o) => o.httpCompleteResponse === true && o.autoRetry === false)).toBe(true)
    await expect(history.get(99_999_999)).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })

  it('retries a 429 from the proxy after Retry-After and stops on app.willDestroy', async () => {
    const core = createSimCore(account, { rateLimits: true })
    const { client } = zafClient(core)
    const timer = simTimer(account)
    const governor = createGovernor(createZafTransport(client), { timer })
    stopOnWillDestroy(client, governor)
    const history = createRequesterHistory({ client: createZendeskClient(governor), timer })
    core.faults.startStorm(2)
    const requester = Number(account.ticketJson(account.ticket(2)!).requester_id)
    const started = timer.now()
    await history.get(requester)
    expect(core.log.count({ status: 429 })).toBe(2)
    expect(timer.now() - started).toBeGreaterThanOrEqual(2000)
    client.emit('app.willDestroy')
    await expect(history.get(requester, { force: true })).rejects.toMatchObject({
      code: 'cancelled',
    })
  })
})
