import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { createZendeskClient } from '@/zendesk/api'
import { createGovernor, createVirtualTimer } from '@/zendesk/governor'
import type { Timer } from '@/zendesk/governor'
import { createTeamSync, openAccountStore } from '@/zendesk/sync'
import { EVENTS_SLICE_MS } from '@/zendesk/sync/teamSync'
import type { SyncProgress } from '@/zendesk/sync'
import { storedEventCount, storedTickets } from '../support/storeContent'
import { createSimTransport, simTimer } from '../support/simTransport'

// A whole first sync on the simulated clock with Zendesk's rate limits.
jest.setTimeout(120_000)

/**
 * Real macrotasks until `condition` holds (simulated time moves only through the sync's waits);
 * fails once `timer` has moved `withinMs` of simulated time without it.
 */
async function until(
  timer: Timer,
  what: string,
  withinMs: number,
  condition: () => boolean,
): Promise<void> {
  const end = timer.now() + withinMs
  while (!condition()) {
    if (timer.now() > end) throw new Error(`${what}: not within ${withinMs} simulated ms`)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('createTeamSync freshness while the SLA event export is behind', () => {
  it('polls the tickets between slices of the event backlog, and still stores every event', async () => {
    const account = createSimAccount({ tickets: 1000, seed: 7 })
    const core = createSimCore(account, { rateLimits: true })
    const timer = simTimer(account)
    const db = await openAccountStore('freshness-test')
    const governor = createGovernor(createSimTransport(core), { timer, apiBudgetShare: 10 })
    const committed = new Map<number, number>()
    const last: { progress: SyncProgress | null } = { progress: null }
    const sync = createTeamSync({
      client: createZendeskClient(governor),
      db,
      timer,
      perPage: 100,
      pollIntervalMs: 40_000,
      onProgress: (p) => {
        last.progress = p
      },
      onCommit: (change) => {
        for (const t of change.tickets) committed.set(t.ticket.id, timer.now())
      },
    })
    const running = sync.start()
    const current = () => last.progress
    try {
      // the tickets are caught up and the event backlog has begun
      await until(
        timer,
        'tickets caught up',
        10 * 60_000,
        () => current()?.caughtUp === true && (current()?.eventPagesDone ?? 0) > 0,
      )
      const backlog = account.metricEvents().length
      expect(backlog).toBeGreaterThan(10_000) // more than ten export pages: over a minute of them

      // a change made in Zendesk during the backlog reaches the store within a slice and two sends
      for (const id of [17, 230, 512]) {
        committed.delete(id)
        expect(account.updateTicket(id, { tags: ['fresh_check'] })).toBe(true)
        const within = EVENTS_SLICE_MS + 2 * 6000 + 2000
        await until(timer, `ticket ${id} stored again`, within, () => committed.has(id))
      }
      expect(current()?.eventsCaughtUp).toBe(false)
      // "updated N s ago" follows the ticket polls, not the event pages
      const checked = current()?.ticketsCheckedAt ?? 0
      expect(timer.now() - checked).toBeLessThanOrEqual(EVENTS_SLICE_MS + 2 * 6000 + 2000)

      await until(timer, 'events caught up', 10 * 60_000, () => current()?.eventsCaughtUp === true)
      expect(await storedEventCount(db)).toBe(account.metricEvents().length)
      expect(core.log.count({ status: 429 })).toBe(0)
    } finally {
      sync.stop()
      await running
      db.close()
    }
  })

  it('agent fallback: a change reaches the store at the next pass with the computer clock a month ahead of Zendesk', async () => {
    const account = createSimAccount({ tickets: 300, seed: 7 })
    const core = createSimCore(account, { rateLimits: true, session: 'agent' })
    // the workspace's case: the account clock stands at its end date, the computer's is later
    const ahead = 30 * 86_400_000
    const timer = createVirtualTimer(account.clock.now() + ahead, (ms) => account.clock.advance(ms))
    const db = await openAccountStore('freshness-fallback-test')
    const committed = new Map<number, number>()
    const last: { progress: SyncProgress | null } = { progress: null }
    const sync = createTeamSync({
      client: createZendeskClient(createGovernor(createSimTransport(core), { timer })),
      db,
      timer,
      pollIntervalMs: 40_000,
      onProgress: (p) => {
        last.progress = p
      },
      onCommit: (change) => {
        for (const t of change.tickets) committed.set(t.ticket.id, timer.now())
      },
    })
    const running = sync.start()
    try {
      await until(timer, 'first pass', 10 * 60_000, () => last.progress?.phase === 'waiting')
      expect(last.progress?.source).toBe('search-fallback')
      for (const id of [5, 120]) {
        committed.delete(id)
        expect(account.updateTicket(id, { tags: ['fresh_check'] })).toBe(true)
        await until(timer, `ticket ${id} stored again`, 50_000, () => committed.has(id))
      }
    } finally {
      sync.stop()
      await running
      db.close()
    }
  })

  it("the workspace's clock buttons: a week of the account moved at once reaches the store in the next rounds", async () => {
    const account = createSimAccount({ tickets: 1500, seed: 7 })
    const core = createSimCore(account, { rateLimits: true })
    const timer = simTimer(account)
    const db = await openAccountStore('freshness-clock-test')
    const last: { progress: SyncProgress | null } = { progress: null }
    const sync = createTeamSync({
      client: createZendeskClient(createGovernor(createSimTransport(core), { timer })),
      db,
      timer,
      pollIntervalMs: 40_000,
      onProgress: (p) => {
        last.progress = p
      },
    })
    const running = sync.start()
    try {
      await until(timer, 'caught up', 10 * 60_000, () => last.progress?.eventsCaughtUp === true)
      const before = account.maxTicketId()
      const statusById = () =>
        new Map(account.tickets().map((v) => [v.lifecycle.id, v.state.status]))
      const then = statusById()
      // +1 week: new tickets arrive and open ones move on, all at once (the app's timer does not jump)
      account.clock.advance(7 * 86_400_000)
      expect(account.maxTicketId()).toBeGreaterThan(before)
      const moved = [...statusById()].filter(([id, status]) => then.get(id) !== status)
      expect(moved.length).toBeGreaterThan(5) // changes the store must follow
      await until(timer, 'the week stored', 5 * 60_000, () => last.progress?.phase === 'waiting')
      await until(timer, 'a second round', 2 * 60_000, () => last.progress?.phase === 'tickets')
      await until(timer, 'settled', 2 * 60_000, () => last.progress?.phase === 'waiting')
      const stored = await storedTickets(db)
      // arrivals go on as the simulated time of the rounds passes: every ticket up to now is stored
      expect(stored.length).toBeGreaterThanOrEqual(account.maxTicketId() - 1)
      const now = statusById()
      const changed = stored.filter((t) => t.status !== now.get(t.id))
      expect(changed.length).toBeLessThanOrEqual(1)
      expect(await storedEventCount(db)).toBeGreaterThan(0)
    } finally {
      sync.stop()
      await running
      db.close()
    }
  })
})
