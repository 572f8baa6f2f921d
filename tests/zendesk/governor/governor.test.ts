import { ZendeskApiError } from '@/zendesk/errors'
import { backoffDelay, createGovernor, limitClassOf, stopOnWillDestroy } from '@/zendesk/governor'
import { createFakeZafClient } from '../../support/fakeZafClient'
import { createFakeTransport, jsonReply, textReply } from '../support/fakeTransport'

const GET = (path: string) => ({ method: 'GET' as const, path })

/** Runs fake time forward until `promise` settles (or `limitMs` passes). */
async function settle<T>(promise: Promise<T>, limitMs = 60 * 60_000): Promise<T> {
  const state = { done: false }
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  )
  for (let t = 0; !state.done && t < limitMs; t += 100) await jest.advanceTimersByTimeAsync(100)
  return promise
}

beforeEach(() => {
  jest.useFakeTimers({ now: 1_000_000 })
})

afterEach(() => {
  jest.useRealTimers()
})

describe('limitClassOf', () => {
  it.each([
    ['/api/v2/incremental/tickets/cursor.json?cursor=x', 'incremental'],
    ['/api/v2/incremental/ticket_metric_events?start_time=1', 'incremental'],
    ['/api/v2/search/export.json?query=x', 'search_export'],
    ['/api/v2/search.json?query=x', null],
    ['/api/v2/tickets/show_many.json?ids=1', null],
  ])('classifies %s as %s', (path, cls) => {
    expect(limitClassOf(path)).toBe(cls)
  })
})

describe('backoffDelay', () => {
  it('grows exponentially, stays within the cap and jitters within the upper half', () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0)).toBe(500)
    expect(backoffDelay(1, 1000, 30_000, () => 0.999999)).toBe(1000)
    expect(backoffDelay(3, 1000, 30_000, () => 0)).toBe(2000)
    expect(backoffDelay(10, 1000, 30_000, () => 0.999999)).toBe(30_000)
    expect(backoffDelay(10, 1000, 30_000, () => 0)).toBe(15_000)
  })
})

describe('createGovernor', () => {
  it('obeys a 429 storm: no request before Retry-After has passed, from any caller', async () => {
    const transport = createFakeTransport((_req, n) =>
      n <= 6
        ? textReply('Number of allowed API requests per minute exceeded', 429, {
            'retry-after': String(1 + (n % 5)),
            'x-rate-limit': '700',
          })
        : jsonReply({ ok: n }),
    )
    const governor = createGovernor(transport)
    const first = governor.execute(GET('/api/v2/a.json'))
    await jest.advanceTimersByTimeAsync(10)
    // a second caller arrives during the storm: it must wait too
    const second = governor.execute(GET('/api/v2/b.json'))
    await settle(Promise.all([first, second]))
    const calls = transport.calls
    // call n (1-based) answered 429 with Retry-After 1 + n % 5 s: the next call waits at least that
    for (let n = 1; n <= 6; n++) {
      expect(calls[n]!.at - calls[n - 1]!.at).toBeGreaterThanOrEqual((1 + (n % 5)) * 1000)
    }
    await expect(first).resolves.toMatchObject({ status: 200 })
    await expect(second).resolves.toMatchObject({ status: 200 })
    expect(governor.stats().rateLimited).toBe(6)
  })

  it('uses ratelimit-reset when a 429 has no Retry-After', async () => {
    const transport = createFakeTransport((_req, n) =>
      n === 1 ? textReply('slow down', 429, { 'ratelimit-reset': '7' }) : jsonReply({}),
    )
    const governor = createGovernor(transport)
    await settle(governor.execute(GET('/api/v2/x.json')))
    expect(transport.calls[1]!.at - transport.calls[0]!.at).toBeGreaterThanOrEqual(7000)
  })

  it('never exceeds X-Rate-Limit × budget share in any 60 s window over 10 simulated minutes', async () => {
    const transport = createFakeTransport(() => jsonReply({}, 200, { 'x-rate-limit': '700' }))
    const governor = createGovernor(transport, { apiBudgetShare: 10, assumedAccountLimit: 700 })
    const all: Promise<unknown>[] = []
    for (let i = 0; i < 2000; i++) all.push(governor.execute(GET(`/api/v2/tickets/${i}.json`)))
    await jest.advanceTimersByTimeAsync(10 * 60_000)
    const times = transport.calls.map((c) => c.at)
    expect(governor.budgetPerMinute()).toBe(70)
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 60_000).length
      expect(inWindow).toBeLessThanOrEqual(70)
    }
    // and it uses the budget: 10 minutes give 10 windows of 70
    expect(times.length).toBeGreaterThanOrEqual(700)
    expect(times.length).toBeLessThanOrEqual(770)
    governor.destroy()
    await Promise.allSettled(all)
  })

  it('shrinks the budget when the account limit header is lower', async () => {
    const transport = createFakeTransport(() => jsonReply({}, 200, { 'x-rate-limit': '200' }))
    const governor = createGovernor(transport, { apiBudgetShare: 5 })
    await settle(governor.execute(GET('/api/v2/one.json')))
    expect(governor.budgetPerMinute()).toBe(10)
    const all = Array.from({ length: 30 }, (_, i) => governor.execute(GET(`/api/v2/t/${i}.json`)))
    await jest.advanceTimersByTimeAsync(59_000)
    expect(transport.calls.length).toBe(10)
    governor.destroy()
    await Promise.allSettled(all)
  })

  it('spaces incremental exports 6 s apart (10 per minute in any window)', async () => {
    const transport = createFakeTransport(() => jsonReply({}))
    const governor = createGovernor(transport, { apiBudgetShare: 50 })
    const all = Array.from({ length: 12 }, (_, i) =>
      governor.execute(GET(`/api/v2/incremental/tickets/cursor.json?cursor=${i}`)),
    )
    await settle(Promise.all(all))
    const times = transport.calls.map((c) => c.at)
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(6000)
    expect(times[11]! - times[0]!).toBe(66_000)
  })

  it('pauses everything when X-Rate-Limit-Remaining reaches 0, until ratelimit-reset', async () => {
    const transport = createFakeTransport((_req, n) =>
      jsonReply({}, 200, n === 1 ? { 'x-rate-limit-remaining': '0', 'ratelimit-reset': '20' } : {}),
    )
    const governor = createGovernor(transport)
    await settle(governor.execute(GET('/api/v2/a.json')))
    await settle(governor.execute(GET('/api/v2/b.json')))
    expect(transport.calls[1]!.at - transport.calls[0]!.at).toBeGreaterThanOrEqual(20_000)
  })

  it('retries 500s with growing, capped, jittered delays and gives up after 5 tries', async () => {
    const transport = createFakeTransport(() =>
      jsonReply({ error: 'InternalServerError', description: 'oops' }, 500),
    )
    const governor = createGovernor(transport, { random: () => 0.5 })
    const result = settle(governor.execute(GET('/api/v2/tickets/1.json?include=x')))
    await expect(result).rejects.toMatchObject({
      code: 'server',
      status: 500,
      endpoint: 'GET /api/v2/tickets/1.json',
    })
    expect(transport.calls).toHaveLength(5)
    const gaps = transport.calls.slice(1).map((c, i) => c.at - transport.calls[i]!.at)
    expect(gaps).toEqual([750, 1500, 3000, 6000])
  })

  it('honours a 503 Retry-After longer than the backoff', async () => {
    const transport = createFakeTransport((_req, n) =>
      n === 1
        ? textReply('Service Unavailable', 503, { 'retry-after': '10' })
        : jsonReply({ a: 1 }),
    )
    const governor = createGovernor(transport)
    await expect(settle(governor.execute(GET('/api/v2/a.json')))).resolves.toMatchObject({
      json: { a: 1 },
    })
    expect(transport.calls[1]!.at - transport.calls[0]!.at).toBeGreaterThanOrEqual(10_000)
  })

  it('retries timeouts, network errors and truncated JSON, then succeeds', async () => {
    const answers = [
      new ZendeskApiError({ code: 'timeout', endpoint: 'GET /x' }),
      new ZendeskApiError({ code: 'network', endpoint: 'GET /x' }),
      textReply('{"tickets":[{"id":1', 200),
      jsonReply({ tickets: [] }),
    ]
    const transport = createFakeTransport((_req, n) => answers[n - 1]!)
    const governor = createGovernor(transport)
    await expect(settle(governor.execute(GET('/api/v2/x.json')))).resolves.toMatchObject({
      json: { tickets: [] },
    })
    expect(transport.calls).toHaveLength(4)
  })

  it('does not retry a 404 or 403 and names the endpoint', async () => {
    const transport = createFakeTransport((req) =>
      req.path.includes('users')
        ? jsonReply({ error: 'RecordNotFound', description: 'Not found' }, 404)
        : jsonReply({ error: 'Forbidden' }, 403),
    )
    const governor = createGovernor(transport)
    const notFound = governor.execute(GET('/api/v2/users/5.json')).catch((e: unknown) => e)
    await expect(notFound).resolves.toMatchObject({ code: 'not_found', retryable: false })
    expect(String(await notFound)).toContain('GET /api/v2/users/5.json')
    await expect(
      governor.execute(GET('/api/v2/incremental/tickets/cursor.json')),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect(transport.calls).toHaveLength(2)
  })

  it('sends identical GETs in flight once and both callers get the answer', async () => {
    const releases: (() => void)[] = []
    const transport = createFakeTransport(() => jsonReply({ n: 1 }))
    const slow = {
      ...transport,
      send: (req: Parameters<typeof transport.send>[0]) =>
        new Promise<Awaited<ReturnType<typeof transport.send>>>((resolve) => {
          releases.push(() => void transport.send(req).then(resolve))
        }),
    }
    const governor = createGovernor(slow)
    const a = governor.execute(GET('/api/v2/users/1.json'))
    const b = governor.execute(GET('/api/v2/users/1.json'))
    const c = governor.execute(GET('/api/v2/users/2.json'))
    await jest.advanceTimersByTimeAsync(0)
    expect(releases).toHaveLength(2)
    for (const release of releases) release()
    const [ra, rb, rc] = await Promise.all([a, b, c])
    expect(ra).toBe(rb)
    expect(rc).not.toBe(ra)
    expect(transport.calls.map((x) => x.path)).toEqual([
      '/api/v2/users/1.json',
      '/api/v2/users/2.json',
    ])
    expect(governor.stats().shared).toBe(1)
    // once settled, the same GET is sent again
    const d = governor.execute(GET('/api/v2/users/1.json'))
    await jest.advanceTimersByTimeAsync(0)
    releases[2]?.()
    await d
    expect(transport.calls).toHaveLength(3)
  })

  it('stops everything on app.willDestroy: waits reject, nothing more is sent', async () => {
    const transport = createFakeTransport(() => textReply('limited', 429, { 'retry-after': '30' }))
    const governor = createGovernor(transport)
    const client = createFakeZafClient()
    stopOnWillDestroy(client, governor)
    const pending = governor.execute(GET('/api/v2/a.json'))
    await jest.advanceTimersByTimeAsync(1000)
    client.emit('app.willDestroy')
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
    await expect(governor.execute(GET('/api/v2/b.json'))).rejects.toMatchObject({
      code: 'cancelled',
    })
    await jest.advanceTimersByTimeAsync(120_000)
    expect(transport.calls).toHaveLength(1)
    expect(governor.destroyed).toBe(true)
  })
})
