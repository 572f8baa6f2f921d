// `sync` section: the team sync of a simulated account under Zendesk's 10-per-minute
// incremental export limit, on a simulated clock (waits jump instead of sleeping), against the
// minimum the limit allows (pages × 6 s); and API requests per sidebar open, cold and warm.
// The simulator's own rate limits are on: a 429 would show in `rateLimited`.
// BENCH_SYNC_TICKETS overrides the ticket count (default 100,000).
import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import type { SimCore } from '@sim/api/core'

import { createZendeskClient } from '@/zendesk/api'
import { createGovernor, createVirtualTimer } from '@/zendesk/governor'
import { createRequesterHistory } from '@/zendesk/history'
import { loadAccount } from '@/zendesk/store'
import { createTeamSync, openAccountStore, readTicketState } from '@/zendesk/sync'
import type { Transport } from '@/zendesk/transport/types'

const TICKETS = Number(process.env.BENCH_SYNC_TICKETS ?? 100_000)
const BASE = 'https://retention-radar.zendesk.com'
const EXPORT_SPACING_MS = 6_000
const SIDEBAR_SAMPLE = 25

/** A Transport over the simulator's fetch-style core (no network, no msw). */
function simTransport(core: SimCore): Transport {
  return {
    kind: 'custom',
    async send(req) {
      const res = await core.fetch(new Request(`${BASE}${req.path}`, { method: req.method }))
      const headers: Record<string, string> = {}
      res.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value
      })
      return { status: res.status, headers, text: await res.text() }
    },
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const account = createSimAccount({ tickets: TICKETS, seed: 1 })
  const core = createSimCore(account, { rateLimits: true })
  const timer = createVirtualTimer(account.clock.now(), (ms) => account.clock.advance(ms))
  const governor = createGovernor(simTransport(core), { timer })
  const client = createZendeskClient(governor)

  // TEAM SYNC
  const db = await openAccountStore(`bench-sync-${Date.now()}`)
  // ETA check: what the progress promised at the half-way page, against what it took
  let halfway: { at: number; etaMs: number | null } | undefined
  const expectedPages = Math.ceil(TICKETS / 1000)
  const sync = createTeamSync({
    client,
    db,
    timer,
    events: false,
    onProgress: (p) => {
      if (halfway === undefined && p.pagesDone === Math.floor(expectedPages / 2))
        halfway = { at: timer.now(), etaMs: p.etaMs }
    },
  })
  const wallStart = performance.now()
  const simStart = timer.now()
  await sync.runOnce()
  const simulatedMs = timer.now() - simStart
  const wallMs = Math.round(performance.now() - wallStart)
  const state = await readTicketState(db)
  const pages = state?.pagesDone ?? 0
  const floorMs = pages * EXPORT_SPACING_MS
  const stored = (await loadAccount(db)).engine.size
  const etaAtHalfMs = halfway?.etaMs ?? null
  const actualAtHalfMs = halfway ? simStart + simulatedMs - halfway.at : null
  db.close()

  // SIDEBAR: distinct requesters, cold then warm
  const history = createRequesterHistory({ client, timer })
  const requesters: number[] = []
  for (let id = 1; requesters.length < SIDEBAR_SAMPLE && id <= TICKETS; id += 97) {
    const v = account.ticket(id)
    const r = v ? Number(account.ticketJson(v).requester_id) : NaN
    if (Number.isInteger(r) && !requesters.includes(r)) requesters.push(r)
  }
  const count = async (open: () => Promise<unknown>): Promise<number> => {
    const before = core.log.entries.length
    await open()
    return core.log.entries.length - before
  }
  const cold: number[] = []
  const warm: number[] = []
  for (const r of requesters) cold.push(await count(() => history.get(r)))
  for (const r of requesters) warm.push(await count(() => history.get(r)))

  return {
    tickets: stored,
    simulatedMs,
    floorMs,
    ratio: floorMs > 0 ? Math.round((simulatedMs / floorMs) * 1000) / 1000 : null,
    pages,
    wallMs,
    rateLimited: core.log.count({ status: 429 }),
    etaAtHalfMs,
    actualAtHalfMs,
    sidebarRequestsCold: Math.max(...cold),
    sidebarRequestsWarm: Math.max(...warm),
    sidebarSample: requesters.length,
  }
}
