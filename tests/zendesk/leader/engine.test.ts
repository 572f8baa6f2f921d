import type { ZendeskClient } from '@/zendesk/api/client'
import { createSharedBudget } from '@/zendesk/budget'
import { readSyncStatus, syncStatusKey } from '@/zendesk/leader'
import { createBackgroundEngine, FRESH_POLL_MS } from '@/zendesk/leader/engine'
import { memoryMutex, memoryStore } from '@/zendesk/leader/tabs'
import type { GovernorEvent, GovernorOptions } from '@/zendesk/governor'
import { createServerClock } from '@/zendesk/hooks/serverClock'
import { DEFAULT_SETTINGS } from '@/zendesk/settings'
import type { SyncProgress, TeamSync, TeamSyncOptions } from '@/zendesk/sync'
import { createFakeZafClient } from '../../support/fakeZafClient'
import { memoryStorage } from '../../support/memoryStorage'
import { fakeBrowser } from './fakeTabs'

beforeEach(() => {
  jest.useFakeTimers({ now: Date.UTC(2026, 9, 31, 9) })
})

afterEach(() => {
  jest.useRealTimers()
})

const PROGRESS: SyncProgress = {
  source: 'incremental',
  phase: 'tickets',
  caughtUp: false,
  pagesDone: 1,
  ticketsSynced: 1000,
  etaMs: null,
  ticketsCheckedAt: null,
  eventPagesDone: 0,
  eventsCaughtUp: false,
  slaEvents: 0,
  slaAvailable: true,
  error: null,
}

/** Two tabs of one browser, each with its background engine and a logging stand-in sync. */
function twoTabs() {
  const b = fakeBrowser('web-locks')
  const log: string[] = []
  const options: TeamSyncOptions[] = []
  const budget = createSharedBudget({ key: 'k', store: b.store, mutex: memoryMutex() })
  const engines = ['tab-a', 'tab-b'].map((id) => {
    const tab = b.open(id)
    const engine = createBackgroundEngine({
      zaf: createFakeZafClient(),
      context: { instanceGuid: id, account: { subdomain: 'acme' } },
      election: tab.election,
      budget,
      store: b.store,
      createClient: () => ({}) as ZendeskClient,
      createSync: (o): TeamSync => {
        options.push(o)
        let release: () => void = () => undefined
        return {
          start: () => {
            log.push(`${id} start`)
            o.onProgress?.(PROGRESS)
            return new Promise<void>((resolve) => (release = resolve))
          },
          stop: () => {
            log.push(`${id} stop`)
            release()
          },
          progress: () => PROGRESS,
          runOnce: () => Promise.resolve(PROGRESS),
        }
      },
      startWarnings: () => Promise.resolve({ stop: () => log.push(`${id} warnings stop`) }),
      warn: () => undefined,
    })
    return { tab, engine }
  })
  return { b, log, options, engines }
}

describe('createBackgroundEngine', () => {
  it('runs the team sync in the leader tab only, records its status, and hands over on stop', async () => {
    const { b, log, options, engines } = twoTabs()
    const [a, second] = engines
    if (a === undefined || second === undefined) throw new Error('two tabs')
    for (const { engine } of engines) {
      void engine
        .createSync({ client: {} as ZendeskClient, db: {} as TeamSyncOptions['db'] })
        .start()
      engine.startSlaWarnings(DEFAULT_SETTINGS)
    }
    await jest.advanceTimersByTimeAsync(500)
    expect(log).toEqual(['tab-a start'])
    expect(options[0]?.pollIntervalMs).toBe(FRESH_POLL_MS)
    expect(readSyncStatus(b.store, syncStatusKey('acme'))).toMatchObject({
      tabId: 'tab-a',
      pagesDone: 1,
    })
    a.engine.stop()
    await jest.advanceTimersByTimeAsync(500)
    expect(log).toEqual(['tab-a start', 'tab-a warnings stop', 'tab-a stop', 'tab-b start'])
    second.engine.stop()
  })

  it('gives every request of the instance the shared budget, one client per budget share', () => {
    const made: unknown[] = []
    const engine = createBackgroundEngine({
      zaf: createFakeZafClient(),
      context: { instanceGuid: 'g', account: { subdomain: 'acme' } },
      election: fakeBrowser('web-locks').open('g').election,
      store: memoryStore(),
      createClient: (_zaf, _settings, governorOptions) => {
        made.push(governorOptions)
        return {} as ZendeskClient
      },
      warn: () => undefined,
    })
    const first = engine.createClient(createFakeZafClient(), DEFAULT_SETTINGS)
    expect(engine.createClient(createFakeZafClient(), DEFAULT_SETTINGS)).toBe(first)
    expect(made).toHaveLength(1)
    expect(made[0]).toHaveProperty('sendGate.acquire')
    engine.stop()
  })

  it("teaches the tab Zendesk's clock from its answers' Date headers", () => {
    const local = Date.parse('2026-12-02T15:00:00Z')
    const store = memoryStorage()
    const clock = createServerClock(() => local, store)
    let options: GovernorOptions | undefined
    const engine = createBackgroundEngine({
      zaf: createFakeZafClient(),
      context: { instanceGuid: 'g', account: { subdomain: 'acme' } },
      election: fakeBrowser('web-locks').open('g').election,
      store: memoryStore(),
      clock,
      createClient: (_zaf, _settings, governorOptions) => {
        options = governorOptions
        return {} as ZendeskClient
      },
      warn: () => undefined,
    })
    engine.createClient(createFakeZafClient(), DEFAULT_SETTINGS)
    // an account whose clock is a month behind this computer's (the local workspace's demo); the
    // header's whole second is taken at its middle
    const answer: GovernorEvent = {
      type: 'response',
      endpoint: '/api/v2/incremental/tickets/cursor.json',
      status: 200,
      date: 'Sat, 31 Oct 2026 23:59:59 GMT',
      sentAt: local,
      at: local,
    }
    options?.onEvent?.(answer)
    expect(new Date(clock.now()).toISOString()).toBe('2026-10-31T23:59:59.500Z')
    // kept for the tab: a sidebar's clock made later starts from it
    expect(new Date(createServerClock(() => local, store).now()).toISOString()).toBe(
      '2026-10-31T23:59:59.500Z',
    )
    engine.stop()
  })
})
