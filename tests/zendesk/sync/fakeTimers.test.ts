// The sync against the simulator with jest's fake timers: the app's real timer (setTimeout,
// Date.now) is faked, and the simulated account's clock follows Date.now, so Retry-After, the
// budget and the 10/min export limit play out on jest's clock.
import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { createRealtimeClock } from '@sim/clock'

import { createZendeskClient } from '@/zendesk/api'
import { createGovernor, systemTimer } from '@/zendesk/governor'
import { createRequesterHistory } from '@/zendesk/history'
import { createTeamSync, openAccountStore, readTicketState } from '@/zendesk/sync'
import { storedTickets } from '../support/storeContent'
import { createSimTransport } from '../support/simTransport'

// ten simulated minutes in 50 ms steps: seconds of wall time, more on a busy machine
jest.setTimeout(60_000)

const END = createSimAccount({ tickets: 1, seed: 3 }).clock.now()

beforeEach(() => {
  // IndexedDB, Request/Response and promises need the real microtask and immediate queues
  jest.useFakeTimers({ now: END, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
})
afterEach(() => jest.useRealTimers())

/** Moves jest's clock in steps; real macrotasks (IndexedDB, the simulator) run between steps. */
async function runUntil(done: () => boolean, limitMs: number, stepMs = 250): Promise<void> {
  for (let t = 0; !done() && t < limitMs; t += stepMs) await jest.advanceTimersByTimeAsync(stepMs)
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
    const answers: { at: number; status: number; retryAfter: number; path: string }[] = []
    const send = transport.send.bind(transport)
    transport.send = async (req) => {
      const at = Date.now()
      const res = await send(req)
      answers.push({
        at,
        status: res.status,
        retryAfter: Number(res.headers['retry-after'] ?? 0),
        path: req.path,
      })
      return res
    }
    const governor = createGovernor(transport, { timer: systemTimer })
    const db = await openAccountStore('fake-timers-1')
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
    const okExports = answers
      .filter((a) => a.status === 200 && a.path.startsWith('/api/v2/incremental/'))
      .map((a) => a.at)
    okExports.slice(1).forEach((t, i) => expect(t - okExports[i]!).toBeGreaterThanOrEqual(6000))
    expect((await storedTickets(db)).length).toBe(account.tickets().length)
    expect((await readTicketState(db))?.caughtUp).toBe(true)
  })

  it('keeps sync and sidebars together within the budget for 10 minutes without starving the sync', async () => {
    const account = createSimAccount({
      tickets: 600,
      seed: 3,
      clock: createRealtimeClock(END, 1, () => Date.now()),
    })
    const core = createSimCore(account, { rateLimits: true })
    const sends: { at: number; incremental: boolean }[] = []
    const governor = createGovernor(createSimTransport(core), {
      timer: systemTimer,
      onEvent: (e) => {
        if (e.type === 'send') sends.push({ at: e.at, incremental: e.limitClass === 'incremental' })
      },
    })
    const client = createZendeskClient(governor)
    const db = await openAccountStore('fake-timers-budget')
    const sync = createTeamSync({ client, db, perPage: 50 })
    // sidebars opening as fast as they are let through: far more than the budget
    const history = createRequesterHistory({ client })
    const requesters = account.tickets().map((v) => Number(account.ticketJson(v).requester_id))
    const started = Date.now()
    const over = () => Date.now() - started >= 10 * 60_000
    const sidebars = (async () => {
      for (let i = 0; !over(); i++) {
        await history
          .get(requesters[i % requesters.length]!, { force: true })
          .catch(() => undefined)
      }
    })()
    const running = sync.start()
    await runUntil(over, 10 * 60_000 + 1000, 50)
    sync.stop()
    governor.destroy()
    await jest.advanceTimersByTimeAsync(0)
    await Promise.all([running, sidebars])
    expect(core.log.count({ status: 429 })).toBe(0)
    const budget = governor.budgetPerMinute()
    expect(budget).toBe(70)
    const times = sends.map((s) => s.at)
    const busiest = Math.max(
      ...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length),
    )
    expect(busiest).toBeLessThanOrEqual(budget)
    // the budget, not the traffic, was the limit
    expect(busiest).toBeGreaterThanOrEqual(budget - 5)
    const exports = sends.filter((s) => s.incremental).map((s) => s.at)
    exports.slice(1).forEach((t, i) => expect(t - exports[i]!).toBeGreaterThanOrEqual(6000))
    // first come, first served and paced: the sidebars did not starve the sync
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
    const db = await openAccountStore('fake-timers-2')
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
