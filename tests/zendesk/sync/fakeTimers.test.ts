// The sync against the simulator with jest's fake timers: the app's real timer (setTimeout,
// Date.now) is faked, and the simulated account's clock follows Date.now, so Retry-After, the
// budget and the 10/min export limit play out on jest's clock.
import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { createRealtimeClock } from '@sim/clock'

import { createZendeskClient } from '@/zendesk/api'
import { createGovernor, systemTimer } from '@/zendesk/governor'
import { createTeamSync, openSyncDb, readTicketState } from '@/zendesk/sync'
import { createSimTransport } from '../support/simTransport'

const END = createSimAccount({ tickets: 1, seed: 3 }).clock.now()

beforeEach(() => {
  // IndexedDB, Request/Response and promises need the real microtask and immediate queues
  jest.useFakeTimers({ now: END, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
})
afterEach(() => jest.useRealTimers())

async function runUntil(done: () => boolean, limitMs: number): Promise<void> {
  for (let t = 0; !done() && t < limitMs; t += 250) await jest.advanceTimersByTimeAsync(250)
}

describe('createTeamSync with jest fake timers', () => {
  it('obeys a 429 storm and the export spacing, and finishes with every ticket stored', async () => {
    const account = createSimAccount({
      tickets: 300,
      seed: 3,
      clock: createRealtimeClock(END, 1, () => Date.now()),
    })
    const core = createSimCore(account, { rateLimits: true })
    const transport = createSimTransport(core)
    const answers: { at: number; status: number; retryAfter: number }[] = []
    const send = transport.send.bind(transport)
    transport.send = async (req) => {
      const at = Date.now()
      const res = await send(req)
      answers.push({ at, status: res.status, retryAfter: Number(res.headers['retry-after'] ?? 0) })
      return res
    }
    const governor = createGovernor(transport, { timer: systemTimer })
    const db = await openSyncDb('fake-timers-1')
    const sync = createTeamSync({ client: createZendeskClient(governor), db, perPage: 50 })
    core.faults.startStorm(8)
    let finished = false
    const running = sync.runOnce().finally(() => (finished = true))
    await runUntil(() => finished, 30 * 60_000)
    await running
    const storm = answers.filter((a) => a.status === 429)
    expect(storm).toHaveLength(8)
    answers.slice(1).forEach((a, i) => {
      const prev = answers[i]!
      const need = prev.status === 429 ? prev.retryAfter * 1000 : 0
      expect(a.at - prev.at).toBeGreaterThanOrEqual(need)
    })
    const okExports = answers.filter((a) => a.status === 200).map((a) => a.at)
    okExports.slice(1).forEach((t, i) => expect(t - okExports[i]!).toBeGreaterThanOrEqual(6000))
    expect(await db.count('tickets')).toBe(account.tickets().length)
    expect((await readTicketState(db))?.caughtUp).toBe(true)
  })

  it('stops waiting and sending on destroy (app.willDestroy)', async () => {
    const account = createSimAccount({
      tickets: 300,
      seed: 3,
      clock: createRealtimeClock(END, 1, () => Date.now()),
    })
    const core = createSimCore(account, { rateLimits: true })
    const governor = createGovernor(createSimTransport(core), { timer: systemTimer })
    const db = await openSyncDb('fake-timers-2')
    const sync = createTeamSync({ client: createZendeskClient(governor), db, perPage: 50 })
    const running = sync.start()
    await runUntil(() => sync.progress().pagesDone >= 2, 5 * 60_000)
    governor.destroy()
    await jest.advanceTimersByTimeAsync(0)
    await running
    const sent = core.log.entries.length
    await jest.advanceTimersByTimeAsync(10 * 60_000)
    expect(core.log.entries.length).toBe(sent)
    expect(sync.progress().phase).toBe('stopped')
    expect((await readTicketState(db))?.pagesDone).toBe(sync.progress().pagesDone)
  })
})
