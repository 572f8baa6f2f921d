import { createSharedBudget, interactiveReserveOf, parseLedger } from '@/zendesk/budget'
import type { BudgetKind, SharedBudget } from '@/zendesk/budget'
import { ZendeskApiError } from '@/zendesk/errors'
import { createGovernor } from '@/zendesk/governor'
import type { Governor } from '@/zendesk/governor'
import { memoryMutex, memoryStore } from '@/zendesk/leader/tabs'
import type { TransportResponse } from '@/zendesk/transport/types'

const T0 = Date.UTC(2026, 9, 31, 9, 0)
const MINUTE = 60_000
/** 200 requests/min (the lowest plan) × the default 10 % share. */
const BUDGET = 20
const HEADERS = { 'x-rate-limit': '200', 'x-rate-limit-remaining': '150' }

type Send = { at: number; who: string }

beforeEach(() => {
  jest.useFakeTimers({ now: T0 })
})

afterEach(() => {
  jest.useRealTimers()
})

/**
 * The simulated browser: one storage and one lock shared by every instance, and a server that logs
 * each request and answers after 300 ms (or with a 429 while `storm` says so).
 */
function browser(options: { shared: boolean; storm?: (at: number) => boolean }) {
  const store = memoryStore()
  const mutex = memoryMutex()
  const sends: Send[] = []
  const governors: Governor[] = []

  function instance(who: string, kind: BudgetKind): Governor {
    const budget: SharedBudget = createSharedBudget({ key: 'rr-budget:acme', store, mutex })
    const transport = {
      kind: 'custom' as const,
      send(): Promise<TransportResponse> {
        const at = Date.now()
        sends.push({ at, who })
        const stormy = options.storm?.(at) ?? false
        return new Promise((resolve) =>
          setTimeout(
            () =>
              resolve(
                stormy
                  ? { status: 429, headers: { ...HEADERS, 'retry-after': '20' }, text: '' }
                  : { status: 200, headers: HEADERS, text: '{}' },
              ),
            300,
          ),
        )
      },
    }
    const base = { assumedAccountLimit: 200, apiBudgetShare: 10, random: () => 0.5 }
    const governor = createGovernor(
      transport,
      options.shared ? budget.governorOptions(kind, base) : base,
    )
    governors.push(governor)
    return governor
  }

  return { store, sends, instance, destroyAll: () => governors.forEach((g) => g.destroy()) }
}

/** Most sends inside any 60 s window. */
function busiestWindow(sends: readonly Send[]): number {
  const times = sends.map((s) => s.at).sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] as number) <= (times[i] as number) - MINUTE) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

/**
 * Ten minutes of a working day: the background syncs flat out, the nav bar refreshes each minute,
 * and a ticket sidebar opens every 20 s (2 requests each). Returns each sidebar's wait.
 */
async function tenMinutes(b: ReturnType<typeof browser>) {
  const end = T0 + 10 * MINUTE
  let synced = 0
  const sync = b.instance('sync', 'sync')
  const syncLoop = (async () => {
    for (let page = 0; Date.now() < end; page++) {
      await sync.execute({ method: 'GET', path: `/api/v2/tickets/show_many?ids=${page}` })
      synced++
    }
  })().catch((err: unknown) => {
    if (!(err instanceof ZendeskApiError && err.code === 'cancelled')) throw err
  })
  const nav = b.instance('nav', 'interactive')
  const sidebarWaits: number[] = []
  const opened: Promise<void>[] = []
  for (let t = 0; t < 10 * MINUTE; t += 20_000) {
    const n = t / 20_000
    const at = T0 + t
    opened.push(
      (async () => {
        await new Promise((r) => setTimeout(r, at - Date.now()))
        const sidebar = b.instance(`sidebar${n}`, 'interactive')
        await sidebar.execute({ method: 'GET', path: `/api/v2/users/${n}/tickets/requested` })
        await sidebar.execute({ method: 'GET', path: `/api/v2/users/${n}` })
        sidebarWaits.push(Date.now() - at)
        if (n % 3 === 0) await nav.execute({ method: 'GET', path: `/api/v2/search/count?q=${n}` })
      })(),
    )
  }
  await jest.advanceTimersByTimeAsync(10 * MINUTE + 30_000)
  await Promise.all(opened)
  b.destroyAll()
  await syncLoop
  return { sidebarWaits, synced }
}

describe('createSharedBudget', () => {
  it('keeps every instance together within the share over 10 simulated minutes', async () => {
    const b = browser({ shared: true })
    const { sidebarWaits, synced } = await tenMinutes(b)
    expect(busiestWindow(b.sends)).toBeLessThanOrEqual(BUDGET)
    expect(sidebarWaits).toHaveLength(30)
    // the sync still uses what the sidebars leave: 15 a minute at most, more than 8 in practice
    expect(synced).toBeGreaterThan(70)
    expect(busiestWindow(b.sends.filter((s) => s.who === 'sync'))).toBeLessThanOrEqual(15)
  })

  it('does not starve the sidebars while the sync runs flat out', async () => {
    const b = browser({ shared: true })
    const { sidebarWaits } = await tenMinutes(b)
    // two requests of 300 ms each; the rest is waiting for a budget slot
    expect(Math.max(...sidebarWaits)).toBeLessThan(5_000)
  })

  it('is needed: without it the same traffic goes over the share', async () => {
    const b = browser({ shared: false })
    await tenMinutes(b)
    expect(busiestWindow(b.sends)).toBeGreaterThan(BUDGET)
  })

  it('pauses every instance when one of them gets a 429, and loses no request', async () => {
    const stormFrom = T0 + 2 * MINUTE
    const stormTo = T0 + 3 * MINUTE
    const b = browser({ shared: true, storm: (at) => at >= stormFrom && at < stormTo })
    const { sidebarWaits } = await tenMinutes(b)
    expect(sidebarWaits).toHaveLength(30)
    // after each 429 nobody sends for its Retry-After (20 s), except requests already on the wire
    const first429 = b.sends.find((s) => s.at >= stormFrom)?.at as number
    const quiet = b.sends.filter((s) => s.at > first429 + 300 && s.at < first429 + 20_000)
    expect(quiet).toEqual([])
    const duringStorm = b.sends.filter((s) => s.at >= stormFrom && s.at < stormTo)
    // a storm of a minute costs a handful of requests, not every instance retrying on its own
    expect(duringStorm.length).toBeLessThanOrEqual(12)
    expect(busiestWindow(b.sends)).toBeLessThanOrEqual(BUDGET)
  })
})

describe('the ledger', () => {
  it('starts afresh from anything unreadable', () => {
    for (const raw of [null, '', '{', 'null', '[]', '{"v":2,"sends":[]}', '{"v":1}']) {
      expect(parseLedger(raw)).toEqual({ v: 1, sends: [], pauseUntil: 0, budget: 0 })
    }
    expect(parseLedger('{"v":1,"sends":[[5,0],["x",1],[3,2],[1,1]],"pauseUntil":"x"}')).toEqual({
      v: 1,
      sends: [
        [1, 1],
        [5, 0],
      ],
      pauseUntil: 0,
      budget: 0,
    })
  })

  it('reports usage of every instance against the budget', async () => {
    const store = memoryStore()
    const budget = createSharedBudget({ key: 'k', store, mutex: memoryMutex() })
    const signal = new AbortController().signal
    const request = { endpoint: 'GET /x', limitClass: null, budgetPerMinute: 20 }
    await budget.gate('sync').acquire(request, signal)
    await budget.gate('interactive').acquire(request, signal)
    await budget.pause(Date.now() + 5_000)
    expect(budget.usage()).toEqual({
      used: 2,
      sync: 1,
      interactive: 1,
      budget: 20,
      pausedUntil: T0 + 5_000,
    })
    jest.advanceTimersByTime(MINUTE)
    expect(budget.usage()).toMatchObject({ used: 0, pausedUntil: null })
  })

  it('forgets sends stamped in the future after the clock was set back', async () => {
    const store = memoryStore()
    store.set(
      'k',
      JSON.stringify({ v: 1, sends: [[T0 + 10 * MINUTE, 0]], pauseUntil: 0, budget: 1 }),
    )
    const budget = createSharedBudget({ key: 'k', store, mutex: memoryMutex() })
    const request = { endpoint: 'GET /x', limitClass: null, budgetPerMinute: 1 }
    await budget.gate('interactive').acquire(request, new AbortController().signal)
    expect(budget.usage().used).toBe(1)
  })

  it('does not wait for a pause written before the clock was set back an hour', async () => {
    const store = memoryStore()
    // a 20 s pause, as seen from the clock of an hour ahead
    const stale = { v: 1, sends: [], pauseUntil: T0 + 60 * MINUTE + 20_000, budget: 20 }
    store.set('k', JSON.stringify(stale))
    const budget = createSharedBudget({ key: 'k', store, mutex: memoryMutex() })
    expect(budget.usage().pausedUntil).toBeNull()
    const request = { endpoint: 'GET /x', limitClass: null, budgetPerMinute: 20 }
    await budget.gate('sync').acquire(request, new AbortController().signal)
    expect(budget.usage().used).toBe(1)
    // a real 429's pause still holds everyone
    await budget.pause(Date.now() + 20_000)
    expect(budget.usage().pausedUntil).toBe(Date.now() + 20_000)
  })

  it('rejects a waiting send as cancelled when its governor stops', async () => {
    const budget = createSharedBudget({ key: 'k', store: memoryStore(), mutex: memoryMutex() })
    await budget.pause(Date.now() + MINUTE)
    const controller = new AbortController()
    const request = { endpoint: 'GET /x', limitClass: null, budgetPerMinute: 20 }
    const waiting = budget
      .gate('sync')
      .acquire(request, controller.signal)
      .catch((e: unknown) => e)
    await jest.advanceTimersByTimeAsync(1_000)
    controller.abort()
    expect(await waiting).toMatchObject({ code: 'cancelled' })
  })

  it.each([
    [1, 0],
    [2, 1],
    [20, 5],
    [70, 18],
  ])('leaves sidebars %i → %i requests a minute the sync cannot take', (budget, reserve) => {
    expect(interactiveReserveOf(budget, 0.25)).toBe(reserve)
  })
})
