import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { createZendeskClient } from '@/zendesk/api'
import { createGovernor } from '@/zendesk/governor'
import { createRequesterHistory } from '@/zendesk/history'
import { createSimTransport, simTimer } from '../support/simTransport'

const account = createSimAccount({ tickets: 3000, seed: 5 })

function requesters(): [number, number][] {
  const counts = new Map<number, number>()
  for (const v of account.tickets()) {
    const r = Number(account.ticketJson(v).requester_id)
    counts.set(r, (counts.get(r) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])
}
const ranked = requesters()
const [busiest, busiestCount] = ranked[0]!

function setup(options: { pageSize?: number; ttlMs?: number } = {}) {
  const core = createSimCore(account, { rateLimits: true })
  const timer = simTimer(account)
  const client = createZendeskClient(createGovernor(createSimTransport(core), { timer }))
  const history = createRequesterHistory({ client, timer, ...options })
  return { core, timer, history }
}

describe('createRequesterHistory', () => {
  it('answers a cold open with one request: tickets newest first with metrics, user and organization fields', async () => {
    const { core, history } = setup()
    const h = await history.get(busiest)
    expect(core.log.entries).toHaveLength(1)
    expect(core.log.entries[0]!.query).toContain('include=metric_sets%2Cusers%2Corganizations')
    expect(h.requests).toBe(1)
    expect(h.tickets).toHaveLength(busiestCount)
    expect(h.totalTickets).toBe(busiestCount)
    expect(h.complete).toBe(true)
    const created = h.tickets.map((t) => t.createdAt)
    expect(created).toEqual([...created].sort((a, b) => b - a))
    // metric sets were joined: no ticket is missing its metrics
    expect(h.reasons.missingMetricSet).toBeUndefined()
    expect(h.tickets.every((t) => t.requesterId === busiest)).toBe(true)
    const user = account.userJson(busiest)!
    expect(h.requester).toMatchObject({ id: busiest, name: user.name, tags: user.tags })
    expect(h.organization?.id).toBe(user.organization_id)
    expect(h.organization?.fields).toBeDefined()
  })

  it('costs at most 2 requests cold for every requester sampled, and 0 warm within the TTL', async () => {
    const { core, history, timer } = setup({ ttlMs: 5 * 60_000 })
    const sample = ranked.filter((_, i) => i % 40 === 0)
    for (const [id] of sample) {
      const before = core.log.entries.length
      const cold = await history.get(id)
      expect(core.log.entries.length - before).toBeLessThanOrEqual(2)
      expect(cold.requests).toBe(core.log.entries.length - before)
    }
    await timer.sleep(60_000)
    const before = core.log.entries.length
    for (const [id] of sample) expect((await history.get(id)).requests).toBe(0)
    expect(core.log.entries.length).toBe(before)
  })

  it('fetches again once the TTL has passed, and on force', async () => {
    const { core, history, timer } = setup({ ttlMs: 60_000 })
    await history.get(busiest)
    await timer.sleep(61_000)
    expect((await history.get(busiest)).requests).toBe(1)
    expect((await history.get(busiest, { force: true })).requests).toBe(1)
    expect(core.log.entries).toHaveLength(3)
  })

  it('lists the newest page and takes the total from search/count when there are more', async () => {
    const { core, history } = setup({ pageSize: 10 })
    const h = await history.get(busiest)
    expect(core.log.entries.map((e) => e.path)).toEqual([
      `/api/v2/users/${busiest}/tickets/requested.json`,
      '/api/v2/search/count.json',
    ])
    expect(h.tickets).toHaveLength(10)
    expect(h.complete).toBe(false)
    expect(h.totalTickets).toBe(busiestCount)
    const newest = account
      .ticketIdsOfRequester(busiest)
      .map((id) => account.ticket(id)!)
      .sort(
        (a, b) => b.lifecycle.createdMs - a.lifecycle.createdMs || b.lifecycle.id - a.lifecycle.id,
      )
      .slice(0, 10)
      .map((v) => v.lifecycle.id)
    expect(h.tickets.map((t) => t.id)).toEqual(newest)
  })

  it('shares one fetch between two panes asking at once', async () => {
    const { core, history } = setup()
    const [a, b] = await Promise.all([history.get(busiest), history.get(busiest)])
    expect(a.tickets).toEqual(b.tickets)
    expect(core.log.entries).toHaveLength(1)
  })

  it('fetches the user record when the requester has no tickets (second request)', async () => {
    const agentId = 10_000_100
    const { core, history } = setup()
    const h = await history.get(agentId)
    expect(h.tickets).toEqual([])
    expect(h.requester?.id).toBe(agentId)
    expect(core.log.entries).toHaveLength(2)
  })

  it('leaves out a deleted ticket and fails clearly for a user that does not exist', async () => {
    const [requester, count] = ranked[1]!
    const victim = account.ticketIdsOfRequester(requester)[0]!
    account.deleteTicket(victim)
    const { history } = setup()
    const h = await history.get(requester)
    expect(h.tickets.map((t) => t.id)).not.toContain(victim)
    expect(h.tickets).toHaveLength(count - 1)
    await expect(history.get(99_999_999)).rejects.toMatchObject({
      code: 'not_found',
      endpoint: 'GET /api/v2/users/99999999/tickets/requested.json',
    })
  })
})
