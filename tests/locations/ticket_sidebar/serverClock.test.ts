import { CLOCK_STORAGE_KEY, createServerClock, observingClock } from '@/zendesk/hooks/serverClock'

import { z } from 'zod'

import { createZafZendeskClient } from '@/zendesk/api/factory'

import { createFakeZafClient } from '../../support/fakeZafClient'
import { memoryStorage } from '../../support/memoryStorage'

describe('server clock', () => {
  it("follows Zendesk's Date header beyond a minute of skew, and keeps it for the tab", () => {
    let local = Date.parse('2026-12-01T00:00:00Z')
    const store = memoryStorage()
    const clock = createServerClock(() => local, store)
    const changes: number[] = []
    clock.subscribe(() => changes.push(clock.now()))
    // a few seconds off: rounding and latency, ignored
    clock.observe('Tue, 01 Dec 2026 00:00:20 GMT', local - 100, local + 100)
    expect(clock.now()).toBe(local)
    clock.observe('Sat, 31 Oct 2026 23:59:59 GMT', local - 100, local + 100)
    expect(new Date(clock.now()).toISOString()).toBe('2026-10-31T23:59:59.500Z')
    expect(changes).toHaveLength(1)
    local += 60_000
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-01T00:00:59.500Z')
    expect(store.getItem(CLOCK_STORAGE_KEY)).not.toBeNull()
    // a new sidebar in the same tab starts on the learnt clock
    expect(createServerClock(() => local, store).now()).toBe(clock.now())
    // junk headers change nothing
    clock.observe('not a date', local, local)
    clock.observe(undefined, local, local)
    expect(changes).toHaveLength(1)
  })

  it('reads the Date header of answers and failures through ZAF', async () => {
    // the governor times requests with Date.now: the clock's local time in the app
    const clock = createServerClock(Date.now, memoryStorage())
    const zaf = createFakeZafClient({
      request: () =>
        Promise.resolve({
          status: 200,
          responseText: '{}',
          headers: { Date: 'Sat, 31 Oct 2026 12:00:00 GMT' },
        }),
    })
    const api = createZafZendeskClient(zaf, { apiBudgetShare: 100 }, observingClock(clock))
    await api.get('/api/v2/x', {}, z.unknown())
    expect(new Date(clock.now()).toISOString().slice(0, 16)).toBe('2026-10-31T12:00')
  })
})
