import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import type { SimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { metricEventJson } from '@sim/entities'
import type { SimApiOptions } from '@sim/api/core'

import { createZendeskClient } from '@/zendesk/api'
import { ZendeskApiError } from '@/zendesk/errors'
import { createGovernor, createVirtualTimer } from '@/zendesk/governor'
import type { Timer } from '@/zendesk/governor'
import { normalizeMetricEventPage } from '@/zendesk/normalize'
import {
  PEOPLE_REFRESH_MS,
  createTeamSync,
  openAccountStore,
  readPeopleState,
  readTicketState,
} from '@/zendesk/sync'
import type { SyncDb, SyncProgress, TeamSyncOptions } from '@/zendesk/sync'
import { storedEventCount, storedEvents, storedTickets } from '../support/storeContent'
import { createSimTransport, simTimer } from '../support/simTransport'
import type { SimTransport } from '../support/simTransport'

// Whole syncs against the simulator: small accounts, but several runs per test.
jest.setTimeout(120_000)

let dbCount = 0
const PER_PAGE = 50
const freshDb = (): Promise<SyncDb> => openAccountStore(`sync-test-${++dbCount}`)

type Harness = {
  account: SimAccount
  core: ReturnType<typeof createSimCore>
  timer: Timer
  db: SyncDb
  /** A new client + sync over the same account and database (a reopened tab). */
  sync: (options?: Partial<TeamSyncOptions>) => {
    sync: ReturnType<typeof createTeamSync>
    transport: SimTransport
  }
}

/**
 * A simulated account and a sync harness. `frozen`: the account clock stands still (no arrivals,
 * so two runs see the same account) and the simulator's rate limits are off.
 */
async function harness(
  options: { tickets?: number; seed?: number; frozen?: boolean } & SimApiOptions = {},
): Promise<Harness> {
  const { tickets = 1200, seed = 7, frozen = true, ...api } = options
  const account = createSimAccount({ tickets, seed })
  const core = createSimCore(account, { rateLimits: !frozen, ...api })
  const timer = frozen ? createVirtualTimer(account.clock.now()) : simTimer(account)
  const db = await freshDb()
  return {
    account,
    core,
    timer,
    db,
    sync(syncOptions = {}) {
      const transport = createSimTransport(core)
      const governor = createGovernor(transport, { timer, apiBudgetShare: 10 })
      const client = createZendeskClient(governor)
      return {
        transport,
        sync: createTeamSync({ client, db, timer, perPage: PER_PAGE, ...syncOptions }),
      }
    },
  }
}

/** The store's content, without timestamps that depend on when pages were written. */
async function dump(db: SyncDb) {
  const meta = await readTicketState(db)
  const events = (await db.get('meta', 'events')) as Record<string, unknown> | undefined
  // timestamps depend on when a run happened, not on what it stored
  const TIMES = new Set(['updatedAt', 'cursorIssuedAt', 'passStartedAt', 'passSince'])
  const strip = (m: object | undefined) =>
    m && Object.fromEntries(Object.entries(m).filter(([k]) => !TIMES.has(k)))
  return {
    tickets: await storedTickets(db),
    users: await db.getAll('users'),
    organizations: await db.getAll('organizations'),
    slaEvents: await storedEvents(db),
    meta: strip(meta),
    events: strip(events),
  }
}

async function reference(h: Harness) {
  const db = await freshDb()
  const transport = createSimTransport(h.core)
  const governor = createGovernor(transport, { timer: h.timer })
  await createTeamSync({
    client: createZendeskClient(governor),
    db,
    timer: h.timer,
    perPage: PER_PAGE,
  }).runOnce()
  return dump(db)
}

class Crash extends Error {}

/**
 * Waits (in real macrotasks, without moving simulated time) until `condition` holds: simulated
 * time moves only through the sync's own waits.
 */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

describe('createTeamSync (admin, incremental export)', () => {
  it('stores every ticket with its metrics, the users, organizations and SLA events', async () => {
    const h = await harness({ tickets: 600 })
    const { sync } = h.sync()
    const progress = await sync.runOnce()
    const tickets = await storedTickets(h.db)
    expect(tickets).toHaveLength(h.account.tickets().length)
    const live = tickets.filter((t) => t.status !== 'deleted')
    const deletedInHistory = h.account.tickets().filter((v) => v.state.status === 'deleted').length
    expect(tickets.length - live.length).toBe(deletedInHistory)
    // every live ticket got its metric set; deleted ones have none (none is sideloaded for them)
    expect(live.every((t) => t.replies !== null)).toBe(true)
    const meta = await readTicketState(h.db)
    expect(meta).toMatchObject({
      source: 'incremental',
      caughtUp: true,
      slaAvailable: true,
      skipped: 0,
      deleted: deletedInHistory,
    })
    expect(meta?.reasons.missingMetricSet ?? 0).toBe(deletedInHistory)
    expect(meta?.pagesDone).toBe(Math.ceil(tickets.length / PER_PAGE))
    const requesterIds = new Set(tickets.map((t) => t.requesterId))
    const users = await h.db.getAll('users')
    expect(users.filter((u) => requesterIds.has(u.id))).toHaveLength(requesterIds.size)
    expect((await h.db.getAll('organizations')).length).toBeGreaterThan(0)
    const expectedEvents = normalizeMetricEventPage({
      ticket_metric_events: h.account.metricEvents().map(metricEventJson),
    }).events
    expect(await storedEventCount(h.db)).toBe(new Set(expectedEvents.map((e) => e.id)).size)
    expect(progress).toMatchObject({ caughtUp: true, etaMs: 0, phase: 'idle' })
    expect(h.core.log.entries.every((e) => e.status === 200)).toBe(true)
  })

  it('resumes to an identical store after a crash at every page boundary', async () => {
    const h = await harness({ tickets: 300 })
    const expected = await reference(h)
    const totalPages = (expected.meta!.pagesDone as number) + (expected.events!.pagesDone as number)
    expect(totalPages).toBeGreaterThan(6)
    for (let k = 1; k <= totalPages; k++) {
      const db = await freshDb()
      let commits = 0
      const first = h.sync()
      const crashing = createTeamSync({
        client: createZendeskClient(createGovernor(first.transport, { timer: h.timer })),
        db,
        timer: h.timer,
        perPage: PER_PAGE,
        // names off: the commits counted here are ticket and event pages (the resumed run lists them)
        people: false,
        beforeCommit: () => {
          if (++commits === k) throw new Crash(`crash in commit ${k}`)
        },
      })
      await expect(crashing.runOnce()).rejects.toThrow(Crash)
      // the crashed page left nothing behind: exactly k - 1 pages are stored
      const partial = await readTicketState(db)
      const eventsMeta = (await db.get('meta', 'events')) as { pagesDone: number } | undefined
      expect((partial?.pagesDone ?? 0) + (eventsMeta?.pagesDone ?? 0)).toBe(k - 1)
      const resumed = createTeamSync({
        client: createZendeskClient(createGovernor(createSimTransport(h.core), { timer: h.timer })),
        db,
        timer: h.timer,
        perPage: PER_PAGE,
      })
      await resumed.runOnce()
      expect(await dump(db)).toEqual(expected)
    }
  })

  it('resumes to an identical store when the tab dies with a request in flight', async () => {
    const h = await harness({ tickets: 300 })
    const expected = await reference(h)
    for (const k of [1, 2, 4, 6]) {
      const db = await freshDb()
      const transport = createSimTransport(h.core)
      transport.beforeSend = (_path, n) => {
        if (n === k) governor.destroy()
      }
      const governor = createGovernor(transport, { timer: h.timer })
      const sync = createTeamSync({
        client: createZendeskClient(governor),
        db,
        timer: h.timer,
        perPage: PER_PAGE,
      })
      await expect(sync.runOnce()).rejects.toMatchObject({ code: 'cancelled' })
      expect(sync.progress().phase).toBe('stopped')
      await createTeamSync({
        client: createZendeskClient(createGovernor(createSimTransport(h.core), { timer: h.timer })),
        db,
        timer: h.timer,
        perPage: PER_PAGE,
      }).runOnce()
      expect(await dump(db)).toEqual(expected)
    }
  })

  it.each(['500', '503', 'timeout', 'truncated', 'malformed'])(
    'retries %s answers and ends with the same store',
    async (kind) => {
      const h = await harness({ tickets: 300 })
      const expected = await reference(h)
      h.core.faults.setRules(kind === 'timeout' ? 'timeout:0.3:20' : `${kind}:0.3`)
      const { sync } = h.sync()
      await sync.runOnce()
      expect(h.core.log.entries.filter((e) => e.fault === kind).length).toBeGreaterThan(0)
      expect(await dump(h.db)).toEqual(expected)
    },
  )

  it('ends in a clear error when the server keeps failing, keeps what was stored, and resumes', async () => {
    const h = await harness({ tickets: 300 })
    const expected = await reference(h)
    // names off: the requests counted here are the ETA's count and ticket pages
    const { sync, transport } = h.sync({ people: false })
    transport.beforeSend = (_path, n) => {
      // request 1 is the search/count for the ETA, then pages 1 and 2 succeed
      if (n === 4) h.core.faults.setRules('500:1')
    }
    const err = (await sync.runOnce().catch((e: unknown) => e)) as ZendeskApiError
    expect(err).toBeInstanceOf(ZendeskApiError)
    expect(err).toMatchObject({ code: 'server', status: 500 })
    expect(err.message).toContain('GET /api/v2/incremental/tickets/cursor.json')
    expect(sync.progress()).toMatchObject({ phase: 'failed', pagesDone: 2 })
    expect((await storedTickets(h.db)).length).toBe(2 * PER_PAGE)
    h.core.faults.setRules([])
    await h.sync().sync.runOnce()
    expect(await dump(h.db)).toEqual(expected)
  })

  it('stops with a typed error naming the field when a page does not match its schema', async () => {
    const h = await harness({ tickets: 300 })
    // names off: the answers counted here are the ETA's count and ticket pages
    const { sync } = h.sync({ people: false })
    const original = h.core.fetch
    let n = 0
    h.core.fetch = async (req) => {
      const res = await original(req)
      // the 3rd answer is the 2nd page (the 1st is the search/count for the ETA)
      if (++n !== 3) return res
      const body = (await res.json()) as { tickets: { id: unknown }[] }
      body.tickets[5]!.id = 'seven'
      return new Response(JSON.stringify(body), { status: 200, headers: res.headers })
    }
    await expect(sync.runOnce()).rejects.toMatchObject({
      code: 'invalid_payload',
      field: 'tickets[5].id',
    })
    expect((await storedTickets(h.db)).length).toBe(PER_PAGE)
    expect((await readTicketState(h.db))?.pagesDone).toBe(1)
  })

  it('reports progress: pages, tickets and an ETA that reaches 0', async () => {
    const h = await harness({ tickets: 800 })
    const seen: SyncProgress[] = []
    const { sync } = h.sync({ onProgress: (p) => seen.push(p), events: false })
    await sync.runOnce()
    const ticketPages = seen.filter((p) => p.phase === 'tickets')
    expect(ticketPages.map((p) => p.pagesDone)).toEqual(
      [...new Set(ticketPages.map((p) => p.pagesDone))].sort((a, b) => a - b),
    )
    expect(seen.at(-1)).toMatchObject({
      ticketsSynced: 800,
      pagesDone: 800 / PER_PAGE,
      etaMs: 0,
      caughtUp: true,
    })
    expect(ticketPages.some((p) => p.etaMs !== null && p.etaMs > 0)).toBe(true)
  })

  it('dates each ticket commit with its read before it reports the progress of that read', async () => {
    const h = await harness({ tickets: 200 })
    const order: string[] = []
    const { sync } = h.sync({
      events: false,
      people: false,
      onCommit: (change, checkedAt) => {
        if (change.tickets.length > 0) order.push(`commit ${checkedAt}`)
      },
      onProgress: (p) => {
        if (p.phase === 'tickets' && p.ticketsCheckedAt !== null && order.length > 0)
          order.push(`progress ${p.ticketsCheckedAt}`)
      },
    })
    await sync.runOnce()
    const commits = order.filter((e) => e.startsWith('commit'))
    expect(commits.length).toBe(200 / PER_PAGE)
    expect(commits.every((e) => e !== 'commit null')).toBe(true)
    // every commit is followed by the progress of the same read
    const next = order.flatMap((e, i) => (e.startsWith('commit') ? [[e, order[i + 1]]] : []))
    expect(next).toEqual(commits.map((e) => [e, e.replace('commit', 'progress')]))
  })
})

describe('createTeamSync on the simulated clock with rate limits', () => {
  it('keeps exports at 10/min, stays within the budget over 10 minutes and never meets a 429', async () => {
    const h = await harness({ tickets: 1000, frozen: false })
    const sends: number[] = []
    const transport = createSimTransport(h.core)
    const governor = createGovernor(transport, {
      timer: h.timer,
      onEvent: (e) => {
        if (e.type === 'send' && e.limitClass === 'incremental') sends.push(e.at)
      },
    })
    const sync = createTeamSync({
      client: createZendeskClient(governor),
      db: h.db,
      timer: h.timer,
      perPage: PER_PAGE,
    })
    const started = h.timer.now()
    const running = sync.start()
    await until(() => h.timer.now() - started >= 10 * 60_000)
    sync.stop()
    await running
    expect(h.core.log.count({ status: 429 })).toBe(0)
    const budget = governor.budgetPerMinute()
    expect(budget).toBe(70)
    for (const t of sends) {
      expect(sends.filter((s) => s >= t && s < t + 60_000).length).toBeLessThanOrEqual(10)
    }
    for (let i = 1; i < sends.length; i++)
      expect(sends[i]! - sends[i - 1]!).toBeGreaterThanOrEqual(6000)
    expect((await readTicketState(h.db))?.caughtUp).toBe(true)
  })

  it('obeys a 429 storm from the simulator: nothing is sent before Retry-After has passed', async () => {
    const h = await harness({ tickets: 300, frozen: false })
    const answers: { at: number; status: number; retryAfter: number }[] = []
    const inner = createSimTransport(h.core)
    const transport = {
      ...inner,
      async send(req: Parameters<typeof inner.send>[0]) {
        const at = h.timer.now()
        const res = await inner.send(req)
        answers.push({
          at,
          status: res.status,
          retryAfter: Number(res.headers['retry-after'] ?? 0),
        })
        return res
      },
    }
    h.core.faults.startStorm(12)
    const sync = createTeamSync({
      client: createZendeskClient(createGovernor(transport, { timer: h.timer })),
      db: h.db,
      timer: h.timer,
      perPage: PER_PAGE,
      events: false,
    })
    await sync.runOnce()
    expect(answers.filter((a) => a.status === 429)).toHaveLength(12)
    const gaps = answers.slice(1).flatMap((a, i) => {
      const prev = answers[i]!
      return prev.status === 429 ? [{ waited: a.at - prev.at, asked: prev.retryAfter * 1000 }] : []
    })
    expect(gaps).toHaveLength(12)
    for (const gap of gaps) expect(gap.waited).toBeGreaterThanOrEqual(gap.asked)
    expect((await storedTickets(h.db)).length).toBe(300)
  })

  it('polls every minute once caught up: new and deleted tickets arrive in the store', async () => {
    const h = await harness({ tickets: 400, frozen: false })
    const { sync } = h.sync()
    const running = sync.start()
    while (!sync.progress().caughtUp || sync.progress().phase !== 'waiting')
      await h.timer.sleep(1000)
    const before = h.core.log.count({ path: '/api/v2/incremental/tickets/cursor' })
    const victim = 17
    h.account.deleteTicket(victim)
    const started = h.timer.now()
    await until(() => h.timer.now() - started >= 5 * 60_000 + 1000)
    sync.stop()
    await running
    const polls = h.core.log.count({ path: '/api/v2/incremental/tickets/cursor' }) - before
    // one round a minute (its start), so 5 or 6 in 5 minutes and a second
    expect(polls).toBeGreaterThanOrEqual(5)
    expect(polls).toBeLessThanOrEqual(6)
    expect((await storedTickets(h.db)).find((t) => t.id === victim)?.status).toBe('deleted')
    const arrivals = h.account.maxTicketId()
    expect((await storedTickets(h.db)).length).toBe(arrivals)
    expect(sync.progress().phase).toBe('stopped')
  })
})

describe('createTeamSync (agent fallback)', () => {
  it('falls back to search export + show_many, flags it in the metadata and stores every live ticket', async () => {
    const h = await harness({ tickets: 500, session: 'agent' })
    const deleted = 42
    h.account.deleteTicket(deleted)
    const { sync } = h.sync()
    const progress = await sync.runOnce()
    const meta = await readTicketState(h.db)
    expect(meta).toMatchObject({ source: 'search-fallback', slaAvailable: false, caughtUp: true })
    expect(meta?.fallbackReason).toContain('403')
    expect(progress).toMatchObject({ source: 'search-fallback', slaAvailable: false })
    const tickets = await storedTickets(h.db)
    const live = h.account.tickets().filter((v) => v.state.status !== 'deleted')
    expect(live.length).toBeLessThan(500)
    expect(tickets).toHaveLength(live.length)
    expect(tickets.map((t) => t.id)).not.toContain(deleted)
    expect(tickets.every((t) => t.replies !== null)).toBe(true)
    expect(await storedEventCount(h.db)).toBe(0)
    expect(h.core.log.count({ path: '/api/v2/tickets/show_many' })).toBe(5)
    expect(h.core.log.count({ path: '/api/v2/incremental/ticket_metric_events' })).toBe(0)
  })

  it('marks a ticket deleted between search and show_many, and resumes a crashed pass identically', async () => {
    const h = await harness({ tickets: 400, session: 'agent' })
    const expected = await reference(h)
    const db = h.db
    let commits = 0
    const first = createTeamSync({
      client: createZendeskClient(createGovernor(createSimTransport(h.core), { timer: h.timer })),
      db,
      timer: h.timer,
      perPage: PER_PAGE,
      beforeCommit: () => {
        if (++commits === 3) throw new Crash('crash')
      },
    })
    await expect(first.runOnce()).rejects.toThrow(Crash)
    await h.sync().sync.runOnce()
    expect(await dump(db)).toEqual(expected)

    // the "vanish" fault deletes a ticket just before show_many reads it
    const stored = (await storedTickets(db)).find((t) => t.id === 5)
    expect(stored?.status).not.toBe('deleted')
    h.core.faults.setRules('vanish:1@/api/v2/tickets/show_many')
    await db.put(
      'meta',
      { ...(await readTicketState(db))!, passSince: null, passTotal: null },
      'tickets',
    )
    await h.sync().sync.runOnce()
    const deleted = (await storedTickets(db)).filter((t) => t.status === 'deleted')
    expect(deleted.length).toBeGreaterThan(0)
    expect((await readTicketState(db))?.deleted).toBe(deleted.length)
  })
})

describe('createTeamSync: the team names', () => {
  it('lists groups and agents once per hour; a refused listing is noted and the sync goes on', async () => {
    const h = await harness({ tickets: 100 })
    const original = h.core.fetch
    let refuse = true
    h.core.fetch = async (req) => {
      if (refuse && new URL(req.url).pathname.startsWith('/api/v2/groups'))
        return new Response(JSON.stringify({ error: 'Forbidden' }), { status: 403 })
      return original(req)
    }
    const progress = await h.sync().sync.runOnce()
    expect(progress).toMatchObject({ phase: 'idle', caughtUp: true, error: null })
    const refused = await readPeopleState(h.db)
    expect(refused?.error).toMatch(/GET \/api\/v2\/groups\.json.*403|forbidden/i)
    expect(await h.db.count('groups')).toBe(0)

    // within the hour: not asked again; after it: listed
    refuse = false
    await h.sync().sync.runOnce()
    expect(h.core.log.count({ path: '/api/v2/groups' })).toBe(0)
    await h.timer.sleep(PEOPLE_REFRESH_MS)
    await h.sync().sync.runOnce()
    const listed = await readPeopleState(h.db)
    expect(listed).toMatchObject({ error: null })
    expect(listed?.groups).toBeGreaterThanOrEqual(3)
    expect(listed?.agents).toBeGreaterThanOrEqual(8)
    expect(await h.db.count('groups')).toBe(listed?.groups)
  })

  it('lists the names before the first ticket page, so a long first sync has them from the start', async () => {
    const h = await harness({ tickets: 300 })
    const phases: string[] = []
    await h.sync({ onProgress: (p) => phases.push(p.phase) }).sync.runOnce()
    const paths = h.core.log.entries.map((e) => e.path)
    const groups = paths.findIndex((p) => p.startsWith('/api/v2/groups'))
    const tickets = paths.findIndex((p) => p.startsWith('/api/v2/incremental/tickets'))
    expect(groups).toBeGreaterThanOrEqual(0)
    expect(tickets).toBeGreaterThan(groups)
    expect(phases.indexOf('people')).toBeLessThan(phases.indexOf('tickets'))
    expect((await readPeopleState(h.db))?.groups).toBeGreaterThanOrEqual(3)
  })

  it('tries a listing that failed in passing (5xx) again at the next round, not an hour later', async () => {
    const h = await harness({ tickets: 100 })
    const original = h.core.fetch
    let failing = true
    h.core.fetch = async (req) => {
      if (failing && new URL(req.url).pathname.startsWith('/api/v2/groups'))
        return new Response(JSON.stringify({ error: 'Unavailable' }), { status: 503 })
      return original(req)
    }
    const { sync } = h.sync()
    await sync.runOnce()
    expect((await readPeopleState(h.db))?.error).toMatch(/503|unavailable/i)
    expect(await h.db.count('groups')).toBe(0)
    failing = false
    await sync.runOnce()
    expect(await readPeopleState(h.db)).toMatchObject({ error: null })
    expect(await h.db.count('groups')).toBeGreaterThanOrEqual(3)
  })
})
