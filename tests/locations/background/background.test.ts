import 'fake-indexeddb/auto'

import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import { startBackground, storeName } from '@/locations/background/background'
import type { BackgroundDeps } from '@/locations/background/background'
import { createZendeskClient } from '@/zendesk/api'
import { BASELINE_OBJECT_KEY, readSharedBaseline } from '@/zendesk/baseline'
import { createGovernor, createVirtualTimer } from '@/zendesk/governor'
import { closeNoticeSenders, subscribeChanges } from '@/zendesk/notices'
import type { ChangeNotice } from '@/zendesk/notices'
import { createReportSourceClient } from '@/zendesk/report'
import { applyChange, loadAccount, openAccountStore, readTicketState } from '@/zendesk/store'
import { createTeamSync } from '@/zendesk/sync'
import type { SyncProgress, TeamSyncOptions } from '@/zendesk/sync'
import { emptyChange, tombstone } from '@/zendesk/sync/commit'
import type { AccountChange } from '@/zendesk/store/types'

import { createSimTransport } from '../../zendesk/support/simTransport'
import { createZafHub, flushHub } from '../../zendesk/report/zafHub'

jest.setTimeout(60_000)
afterEach(() => closeNoticeSenders())

/** The progress of a sync that has read a ticket page and caught up, its tickets checked at 1 s. */
const CAUGHT_UP: SyncProgress = {
  source: 'incremental',
  phase: 'idle',
  ticketsSynced: 0,
  pagesDone: 1,
  eventPagesDone: 0,
  slaEvents: 0,
  etaMs: 0,
  caughtUp: true,
  ticketsCheckedAt: 1_000,
  eventsCaughtUp: false,
  slaAvailable: true,
  error: null,
}

/**
 * A stand-in for the team sync that never polls: `made` gets the options the background gave it,
 * so the test sends its progress and commits itself.
 */
function standInSync(
  progress: SyncProgress,
  made: (opts: TeamSyncOptions) => void,
): BackgroundDeps['createSync'] {
  return (opts) => {
    made(opts)
    return {
      runOnce: () => Promise.resolve(progress),
      start: () => new Promise<void>(() => undefined),
      stop: () => undefined,
      progress: () => progress,
    }
  }
}

let accounts = 0

/** A simulated account (clock frozen), its API client, and the background's collaborators. */
async function world(options: { tickets?: number; installBaseline?: boolean } = {}) {
  const sim = createSimAccount({ tickets: options.tickets ?? 300, seed: 11 })
  const core = createSimCore(sim, { rateLimits: false })
  const timer = createVirtualTimer(sim.clock.now())
  const transport = createSimTransport(core)
  const client = createZendeskClient(createGovernor(transport, { timer }))
  if (options.installBaseline !== false) {
    const post = (path: string, body: unknown) => transport.send({ method: 'POST', path, body })
    await post('/api/v2/custom_objects', {
      custom_object: { key: BASELINE_OBJECT_KEY, title: 'B', title_pluralized: 'Bs' },
    })
    for (const [key, type] of [
      ['payload', 'textarea'],
      ['schema_version', 'integer'],
      ['computed_at', 'text'],
    ]) {
      await post(`/api/v2/custom_objects/${BASELINE_OBJECT_KEY}/fields`, {
        custom_object_field: { key, title: key, type },
      })
    }
  }
  const runs: Promise<SyncProgress>[] = []
  const syncsCreated: number[] = []
  const warnings: string[] = []
  const subdomain = `acct${++accounts}`
  const deps: BackgroundDeps = {
    openStore: openAccountStore,
    readTicketState,
    loadAccount,
    applyChange,
    createClient: () => client,
    // one run to catch up (the real start() keeps polling every minute)
    createSync: (opts) => {
      syncsCreated.push(1)
      const sync = createTeamSync({ ...opts, timer, perPage: 50 })
      return {
        ...sync,
        start: () => {
          const run = sync.runOnce()
          runs.push(run)
          return run.then(() => undefined)
        },
      }
    },
    now: () => sim.clock.now(),
    warn: (message) => warnings.push(message),
  }
  return { sim, client, deps, runs, syncsCreated, warnings, subdomain }
}

/** One Zendesk tab: its background and nav bar instances (guids `<tab>-bg`, `<tab>-nav`). */
function hubFor(subdomain: string, role: string, tab = 'tab1') {
  const hub = createZafHub(subdomain)
  const user = { id: 1, name: 'Lee', role, locale: 'en-US' }
  const bg = hub.add(`${tab}-bg`, 'background', { values: { currentUser: user } })
  const nav = hub.add(`${tab}-nav`, 'nav_bar', { values: { currentUser: user } })
  return { hub, bg, nav }
}

const registration = (subdomain: string, settings: Record<string, unknown> = {}, tab = 'tab1') => ({
  context: {
    instanceGuid: `${tab}-bg`,
    product: 'support',
    account: { subdomain },
    location: 'background',
  },
  metadata: { settings },
})

describe('the background of a team lead', () => {
  it('syncs, serves the live account to the nav bar and tells it what changed', async () => {
    const w = await world()
    const { bg, nav } = hubFor(w.subdomain, 'admin')
    const notices: ChangeNotice[] = []
    const stopListening = subscribeChanges(w.subdomain, (n) => notices.push(n))
    const background = await startBackground({
      zaf: bg,
      ...registration(w.subdomain),
      deps: w.deps,
    })
    expect(background.mode).toBe('team')
    // the user read for the role check, handed on to the SLA warnings
    expect(background.user).toMatchObject({ id: 1, role: 'admin' })
    await background.ready
    const progress = await w.runs[0]
    expect(progress?.caughtUp).toBe(true)
    await flushHub(10)

    const source = createReportSourceClient(nav, { timeoutMs: 10_000 })
    const range = { from: '2000-01-01', to: '2100-01-01', timeZone: 'UTC' }
    const live = await source.report(range, { segments: 'tier' })
    // the live account equals the store read afresh (as after a reload)
    const db = await openAccountStore(storeName(w.subdomain))
    const reloaded = (await loadAccount(db)).engine.report(range)
    db.close()
    expect(live.tickets).toEqual(reloaded.tickets)
    expect(live.tickets.created).toBeGreaterThan(0)
    const tierTotal = Object.values(live.segments ?? {}).reduce((n, s) => n + s.tickets.created, 0)
    expect(tierTotal).toBe(live.tickets.created)

    const status = await source.status()
    expect(status).toMatchObject({ complete: true, source: 'incremental' })
    expect(status.tickets).toBe(w.sim.tickets().length)

    // one tickets notice per committed ticket page, naming its tickets
    const ticketNotices = notices.flatMap((n) => (n.kind === 'tickets' ? [n] : []))
    expect(ticketNotices.length).toBe(progress?.pagesDone)
    const noticed = new Set(ticketNotices.flatMap((n) => n.ticketIds))
    expect(noticed.size).toBe(w.sim.tickets().length)
    expect(notices.some((n) => n.kind === 'syncStatus')).toBe(true)
    expect(notices.some((n) => n.kind === 'people')).toBe(true)

    // the first full sync published the shared baseline and said so
    expect(notices.some((n) => n.kind === 'baseline')).toBe(true)
    const shared = await readSharedBaseline(w.client, { account: w.subdomain, storage: null })
    expect(shared.status).toBe('ok')

    source.close()
    stopListening()
    background.stop()
  })

  it('in a second tab, where another tab leads the sync, reloads the store after its commits', async () => {
    const w = await world({ installBaseline: false })
    // tab B starts first, with nothing stored, and never leads (its sync never starts)
    const tabB = hubFor(w.subdomain, 'admin', 'tabB')
    const follower = await startBackground({
      zaf: tabB.bg,
      ...registration(w.subdomain, {}, 'tabB'),
      deps: {
        ...w.deps,
        createSync: (opts) => ({ ...createTeamSync(opts), start: () => Promise.resolve() }),
      },
    })
    await follower.ready
    const sourceB = createReportSourceClient(tabB.nav, { timeoutMs: 10_000 })
    const range = { from: '2000-01-01', to: '2100-01-01', timeZone: 'UTC' }
    expect((await sourceB.report(range)).tickets.created).toBe(0)

    const tabA = hubFor(w.subdomain, 'admin', 'tabA')
    const leader = await startBackground({
      zaf: tabA.bg,
      ...registration(w.subdomain, {}, 'tabA'),
      deps: w.deps,
    })
    await leader.ready
    await w.runs[0]
    await flushHub(10)

    const sourceA = createReportSourceClient(tabA.nav, { timeoutMs: 10_000 })
    const fromLeader = await sourceA.report(range)
    expect(fromLeader.tickets.created).toBeGreaterThan(0)
    expect((await sourceB.report(range)).tickets).toEqual(fromLeader.tickets)
    await expect(sourceB.status()).resolves.toMatchObject({ complete: true, source: 'incremental' })
    sourceA.close()
    sourceB.close()
    leader.stop()
    follower.stop()
  })

  it('says "updated" as of the last ticket poll, even one that found nothing, and tells the tabs', async () => {
    const w = await world()
    let report: ((p: SyncProgress) => void) | undefined
    const base = CAUGHT_UP
    // the test sends the progress: polls that commit no ticket
    w.deps.createSync = standInSync(base, (opts) => {
      report = opts.onProgress
    })
    const { bg, nav } = hubFor(w.subdomain, 'admin')
    const notices: ChangeNotice[] = []
    const stopListening = subscribeChanges(w.subdomain, (n) => notices.push(n))
    const background = await startBackground({
      zaf: bg,
      ...registration(w.subdomain),
      deps: w.deps,
    })
    await background.ready
    const source = createReportSourceClient(nav, { timeoutMs: 10_000 })
    report?.(base)
    await flushHub(10)
    expect(await source.status()).toMatchObject({ complete: true, updatedAt: 1_000 })
    const statusNotices = () => notices.filter((n) => n.kind === 'syncStatus').length
    const before = statusNotices()
    // an SLA event page: the tickets were not read again, "updated" stays
    report?.({ ...base, phase: 'events', eventPagesDone: 3 })
    report?.({ ...base, phase: 'events', eventPagesDone: 4 })
    await flushHub(10)
    expect((await source.status()).updatedAt).toBe(1_000)
    // the next ticket poll found nothing new: "updated" moves, and the other tabs are told
    report?.({ ...base, phase: 'events', eventPagesDone: 4, ticketsCheckedAt: 41_000 })
    await flushHub(10)
    expect((await source.status()).updatedAt).toBe(41_000)
    expect(statusNotices() - before).toBe(2) // the phase change to events, then the poll
    stopListening()
    background.stop()
  })

  it('a tickets notice comes with the status of the read that brought it', async () => {
    const w = await world()
    let commit: ((change: AccountChange, checkedAt: number | null) => void) | undefined
    // the test commits the pages
    w.deps.createSync = standInSync(CAUGHT_UP, (opts) => {
      commit = opts.onCommit
      opts.onProgress?.(CAUGHT_UP)
    })
    const { bg, nav } = hubFor(w.subdomain, 'admin')
    const source = createReportSourceClient(nav, { timeoutMs: 10_000 })
    // what the nav bar would see when it refetches on the notice, before any progress report
    const seen: (number | null)[] = []
    const stopListening = subscribeChanges(w.subdomain, (n) => {
      if (n.kind === 'tickets') void source.status().then((s) => seen.push(s.updatedAt))
    })
    const background = await startBackground({
      zaf: bg,
      ...registration(w.subdomain),
      deps: w.deps,
    })
    await background.ready
    try {
      // a poll at 41 s read a ticket deleted since the last one
      commit?.({ ...emptyChange(), tickets: [tombstone(7, 41_000)] }, 41_000)
      for (let i = 0; i < 50 && seen.length === 0; i++) await flushHub(10)
      expect(seen).toEqual([41_000])
      // a commit that is not a ticket read (SLA events, names) leaves "updated" alone
      commit?.(emptyChange(), null)
      await flushHub(10)
      expect((await source.status()).updatedAt).toBe(41_000)
    } finally {
      source.close()
      stopListening()
      background.stop()
    }
  })

  it('serves what is stored without syncing when the admin turned the sync off', async () => {
    const w = await world({ installBaseline: false })
    const first = hubFor(w.subdomain, 'admin')
    const one = await startBackground({ zaf: first.bg, ...registration(w.subdomain), deps: w.deps })
    await one.ready
    await w.runs[0]
    one.stop()

    const again = hubFor(w.subdomain, 'admin', 'tab2')
    const two = await startBackground({
      zaf: again.bg,
      ...registration(w.subdomain, { syncEnabled: false }, 'tab2'),
      deps: w.deps,
    })
    await two.ready
    expect(w.syncsCreated).toHaveLength(1)
    const source = createReportSourceClient(again.nav, { timeoutMs: 10_000 })
    const status = await source.status()
    expect(status).toMatchObject({ complete: true, tickets: w.sim.tickets().length })
    source.close()
    two.stop()
  })

  it('says why when the store cannot be opened', async () => {
    const w = await world({ installBaseline: false })
    const { bg, nav } = hubFor(w.subdomain, 'admin')
    const deps = { ...w.deps, openStore: () => Promise.reject(new Error('IndexedDB is blocked')) }
    const background = await startBackground({ zaf: bg, ...registration(w.subdomain), deps })
    await background.ready
    const source = createReportSourceClient(nav, { timeoutMs: 10_000 })
    await expect(source.report({ from: '2026-01-01', to: '2026-02-01' })).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringContaining('IndexedDB is blocked') as unknown,
    })
    source.close()
    background.stop()
  })
})

describe('the background of an agent', () => {
  it('runs no team sync and answers "not allowed"', async () => {
    const w = await world({ installBaseline: false })
    const { bg, nav } = hubFor(w.subdomain, 'agent')
    const background = await startBackground({
      zaf: bg,
      ...registration(w.subdomain),
      deps: w.deps,
    })
    expect(background.mode).toBe('denied')
    const source = createReportSourceClient(nav, { timeoutMs: 10_000 })
    await expect(source.status()).rejects.toMatchObject({
      code: 'not-allowed',
      message: 'Team KPIs are only for these roles: admin, Team lead',
    })
    expect(w.syncsCreated).toEqual([])
    source.close()
    background.stop()
  })
})
