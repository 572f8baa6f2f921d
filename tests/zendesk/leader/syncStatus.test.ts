import {
  appendStatusError,
  readBackgroundStatus,
  readSyncStatus,
  syncStatusKey,
  syncStatusReporter,
  writeSyncStatus,
} from '@/zendesk/leader'
import { memoryStore } from '@/zendesk/leader/tabs'

const KEY = syncStatusKey('acme')
const progress = (pagesDone: number, error: string | null = null, caughtUp = false) => ({
  pagesDone,
  eventPagesDone: 0,
  caughtUp,
  error: error === null ? null : { message: error },
})

describe('syncStatusReporter', () => {
  it('records the leader tab, the last page with its time and each error with its time', () => {
    const store = memoryStore()
    let now = 1_000
    const report = syncStatusReporter({ store, key: KEY, tabId: 'tab-1', now: () => now })
    report(progress(1))
    now = 2_000
    report(progress(2))
    now = 3_000
    report(progress(2, 'GET /api/v2/incremental/tickets/cursor: 503 unavailable'))
    now = 4_000
    report(progress(2, 'GET /api/v2/incremental/tickets/cursor: 503 unavailable'))
    expect(readSyncStatus(store, KEY)).toEqual({
      tabId: 'tab-1',
      at: 3_000,
      pagesDone: 2,
      lastPageAt: 2_000,
      caughtUp: false,
      errors: [{ message: 'GET /api/v2/incremental/tickets/cursor: 503 unavailable', at: 3_000 }],
    })
    now = 9_000
    report(progress(2, null, true))
    expect(readSyncStatus(store, KEY)).toMatchObject({
      at: 9_000,
      caughtUp: true,
      lastPageAt: 2_000,
    })
  })

  it('keeps the five newest errors, newest first', () => {
    const store = memoryStore()
    for (let i = 0; i < 7; i++) {
      writeSyncStatus(store, KEY, { tabId: 't', at: i, error: { message: `e${i}`, at: i } })
    }
    expect(readSyncStatus(store, KEY)?.errors.map((e) => e.message)).toEqual([
      'e6',
      'e5',
      'e4',
      'e3',
      'e2',
    ])
  })

  it('reads anything unreadable as no status', () => {
    const store = memoryStore()
    for (const raw of ['{', 'null', '{"tabId":3}', '[]']) {
      store.set(KEY, raw)
      expect(readSyncStatus(store, KEY)).toBeNull()
    }
    store.set(KEY, '{"tabId":"t","at":1,"errors":[{"message":"x"},"y",{"message":"ok","at":2}]}')
    expect(readSyncStatus(store, KEY)).toEqual({
      tabId: 't',
      at: 1,
      pagesDone: 0,
      lastPageAt: null,
      caughtUp: false,
      errors: [{ message: 'ok', at: 2 }],
    })
  })
})

describe('readBackgroundStatus', () => {
  const usage = () => ({ used: 3, sync: 2, interactive: 1, budget: 20, pausedUntil: null })

  it('shows the live leader, its sync status and the budget', () => {
    const store = memoryStore()
    store.set(
      'retention-radar-leader:acme',
      JSON.stringify({ tabId: 'tab-1', since: 0, expiresAt: 10_000, mode: 'web-locks' }),
    )
    writeSyncStatus(store, KEY, { tabId: 'tab-1', at: 5_000, pagesDone: 4, lastPageAt: 5_000 })
    expect(readBackgroundStatus('acme', { store, now: 6_000, usage })).toEqual({
      leader: { tabId: 'tab-1', since: 0, expiresAt: 10_000, mode: 'web-locks' },
      sync: {
        tabId: 'tab-1',
        at: 5_000,
        pagesDone: 4,
        lastPageAt: 5_000,
        caughtUp: false,
        errors: [],
      },
      budget: usage(),
      shared: true,
    })
    // the leader's heartbeat ran out: no leader, the last status stays readable
    expect(readBackgroundStatus('acme', { store, now: 11_000, usage })).toMatchObject({
      leader: null,
      sync: { pagesDone: 4 },
    })
  })

  it('says so when the browser refuses storage', () => {
    expect(readBackgroundStatus('acme', { store: null, usage })).toEqual({
      leader: null,
      sync: null,
      budget: usage(),
      shared: false,
    })
  })
})

describe('appendStatusError', () => {
  it("adds an error and leaves the leader's record as it was", () => {
    const store = memoryStore()
    writeSyncStatus(store, KEY, { tabId: 'leader', at: 5, pagesDone: 3, lastPageAt: 5 })
    appendStatusError(store, KEY, 'follower', { message: 'SLA warnings: gone', at: 9 })
    expect(readSyncStatus(store, KEY)).toEqual({
      tabId: 'leader',
      at: 5,
      pagesDone: 3,
      lastPageAt: 5,
      caughtUp: false,
      errors: [{ message: 'SLA warnings: gone', at: 9 }],
    })
  })
})
