import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'
import { parseFaultSpec } from '@sim/api/faults'

const BASE = 'https://retention-radar.zendesk.com'

function setup(options: Parameters<typeof createSimCore>[1] = {}, tickets = 500) {
  const account = createSimAccount({ tickets, seed: 4, plan: 'team' })
  const api = createSimCore(account, options)
  const call = async (
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: unknown; text: string; headers: Headers }> => {
    const res = await api.fetch(new Request(`${BASE}${path}`, init))
    const text = await res.text()
    let body: unknown = null
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
    return { status: res.status, body, text, headers: res.headers }
  }
  return { account, api, call }
}

const basic = (login: string, token: string): RequestInit => ({
  headers: { Authorization: `Basic ${Buffer.from(`${login}:${token}`).toString('base64')}` },
})

describe('authentication and roles', () => {
  it('accepts email/token basic auth and refuses bad credentials with 401', async () => {
    const { account, call } = setup({ requireAuth: true })
    const ok = await call(
      '/api/v2/users/me.json',
      basic(`${account.adminEmail}/token`, account.apiToken),
    )
    expect(ok.status).toBe(200)
    expect((ok.body as { user: { role: string } }).user.role).toBe('admin')
    expect((await call('/api/v2/users/me.json')).status).toBe(401)
    const bad = await call('/api/v2/users/me.json', basic(`${account.adminEmail}/token`, 'nope'))
    expect(bad.status).toBe(401)
    expect(bad.body).toEqual({ error: "Couldn't authenticate you" })
  })

  it('answers 403 to agents on admin-only endpoints and lets them use agent endpoints', async () => {
    const { call } = setup({ session: 'agent' })
    for (const path of [
      '/api/v2/incremental/tickets/cursor.json?start_time=0',
      '/api/v2/incremental/ticket_metric_events.json?start_time=0',
      '/api/v2/satisfaction_ratings.json',
      '/api/v2/slas/policies.json',
    ]) {
      const r = await call(path)
      expect(r.status).toBe(403)
      expect((r.body as { error: string }).error).toBe('Forbidden')
    }
    expect((await call('/api/v2/tickets/show_many.json?ids=1,2')).status).toBe(200)
    expect((await call('/api/v2/search/count.json?query=type:ticket')).status).toBe(200)
  })

  it('gives end users only their own data, without tags or user_fields', async () => {
    const { api, call } = setup({ session: 'end-user' })
    const me = (await call('/api/v2/users/me.json')).body as { user: Record<string, unknown> }
    expect(me.user.role).toBe('end-user')
    expect(me.user).not.toHaveProperty('user_fields')
    expect(me.user).not.toHaveProperty('tags')
    const own = await call(`/api/v2/users/${api.sessionUserId()}/tickets/requested.json`)
    expect(own.status).toBe(200)
    expect(
      (await call(`/api/v2/users/${api.sessionUserId() + 1}/tickets/requested.json`)).status,
    ).toBe(403)
    expect((await call('/api/v2/tickets/1.json')).status).toBe(403)
  })
})

describe('errors', () => {
  it('uses Zendesk bodies for unknown endpoints, missing records and bad parameters', async () => {
    const { call } = setup()
    expect((await call('/api/v2/nope.json')).body).toEqual({
      error: 'InvalidEndpoint',
      description: 'Not found',
    })
    expect((await call('/api/v2/tickets/999999.json')).body).toEqual({
      error: 'RecordNotFound',
      description: 'Not found',
    })
    const cursor = await call('/api/v2/incremental/tickets/cursor.json?cursor=garbage')
    expect(cursor.status).toBe(400)
    expect(cursor.body).toEqual({
      errors: [{ code: 'InvalidCursor', status: '400', title: 'cursor is invalid or expired' }],
    })
    const tooRecent = await call(
      `/api/v2/incremental/tickets/cursor.json?start_time=${2_000_000_000}`,
    )
    expect((tooRecent.body as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'StartTimeTooRecent',
    )
    expect(
      (await call('/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1001')).status,
    ).toBe(400)
    expect((await call('/api/v2/tickets/show_many.json?ids=1,x')).status).toBe(400)
    expect(
      (
        await call(
          `/api/v2/tickets/show_many.json?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`,
        )
      ).status,
    ).toBe(400)
    expect((await call('/api/v2/ticket_metrics.json?page[size]=101')).status).toBe(400)
    expect((await call('/api/v2/ticket_metrics.json?page[after]=bogus')).body).toEqual({
      errors: [
        { code: 'InvalidPaginationParameter', status: '400', title: 'page[after] is not valid' },
      ],
    })
    expect((await call('/api/v2/search.json?query=type:ticket%20frobnicate:1')).status).toBe(400)
    expect(
      (await call('/api/v2/search/export.json?query=type:ticket&filter[type]=ticket')).status,
    ).toBe(400)
    expect((await call('/api/v2/satisfaction_ratings.json?score=great')).status).toBe(400)
  })

  it('caps search at 1,000 results: page 11 of 100 is a 422', async () => {
    const { call } = setup({}, 1500)
    const page10 = await call('/api/v2/search.json?query=type:ticket&page=10&per_page=100')
    expect(page10.status).toBe(200)
    expect((page10.body as { count: number }).count).toBeGreaterThan(1000)
    expect((page10.body as { next_page: unknown }).next_page).toBeNull()
    const page11 = await call('/api/v2/search.json?query=type:ticket&page=11&per_page=100')
    expect(page11.status).toBe(422)
    expect((page11.body as { error: string }).error).toBe('invalid')
  })

  it('refuses offset pagination past record 10,000 with a 400', async () => {
    const { call } = setup()
    expect((await call('/api/v2/ticket_metrics.json?page=101&per_page=100')).status).toBe(400)
  })
})

describe('pagination, search and updates', () => {
  it('walks requester history by cursor and by offset with the same tickets', async () => {
    const { account, call } = setup({}, 2000)
    const counts = new Map<number, number>()
    for (const v of account.tickets())
      counts.set(v.lifecycle.requester, (counts.get(v.lifecycle.requester) ?? 0) + 1)
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
    const userId = 11_000_000 + busiest
    const byCursor: number[] = []
    let next: string | null =
      `/api/v2/users/${userId}/tickets/requested.json?page[size]=2&sort_by=created_at&sort_order=desc`
    while (next) {
      const r = (await call(next)).body as {
        tickets: { id: number }[]
        meta: { has_more: boolean }
        links: { next: string | null }
      }
      byCursor.push(...r.tickets.map((t) => t.id))
      next = r.meta.has_more ? (r.links.next ?? '').replace(BASE, '') : null
    }
    const offset = (
      await call(
        `/api/v2/users/${userId}/tickets/requested.json?per_page=100&sort_by=created_at&sort_order=desc`,
      )
    ).body as { tickets: { id: number }[]; count: number }
    expect(byCursor).toEqual(offset.tickets.map((t) => t.id))
    expect(offset.count).toBe(byCursor.length)
    expect(byCursor.length).toBeGreaterThan(2)
  })

  it('search, count and export agree on a query', async () => {
    const { call } = setup({}, 1200)
    const q = encodeURIComponent('type:ticket via:email status>=solved created>2026-01-01')
    const count = ((await call(`/api/v2/search/count.json?query=${q}`)).body as { count: number })
      .count
    const list = (await call(`/api/v2/search.json?query=${q}`)).body as {
      count: number
      results: { via: { channel: string }; result_type: string }[]
    }
    expect(list.count).toBe(count)
    expect(list.results.every((r) => r.via.channel === 'email' && r.result_type === 'ticket')).toBe(
      true,
    )
    const eq = encodeURIComponent('via:email status>=solved created>2026-01-01')
    let exported = 0
    let next: string | null =
      `/api/v2/search/export.json?query=${eq}&filter[type]=ticket&page[size]=40`
    while (next) {
      const r = (await call(next)).body as {
        results: unknown[]
        meta: { has_more: boolean }
        links: { next: string | null; prev: null }
      }
      exported += r.results.length
      expect(r.links.prev).toBeNull()
      next = r.meta.has_more ? (r.links.next ?? '').replace(BASE, '') : null
    }
    expect(exported).toBe(count)
  })

  it('sideloads metric sets, users, organizations and groups', async () => {
    const { call } = setup()
    const r = (
      await call(
        '/api/v2/tickets/show_many.json?ids=1,2,3&include=metric_sets,users,organizations,groups',
      )
    ).body as {
      tickets: { group_id: number | null }[]
      metric_sets: unknown[]
      users: unknown[]
      groups: { id: number }[]
    }
    expect(r.metric_sets).toHaveLength(3)
    expect(r.users.length).toBeGreaterThan(0)
    const groups = new Set(r.tickets.map((t) => t.group_id).filter((g) => g !== null))
    expect(new Set(r.groups.map((g) => g.id))).toEqual(groups)
    expect((await call('/api/v2/tickets/show_many.json?ids=1&include=comments')).status).toBe(400)
  })

  it('persists PUT tags and custom fields for the session', async () => {
    const { account, call } = setup()
    // Closed tickets refuse updates, as on Zendesk: take an open one.
    const id =
      account.tickets().find((v) => ['new', 'open', 'pending', 'hold'].includes(v.state.status))
        ?.lifecycle.id ?? 0
    const put = await call(`/api/v2/tickets/${id}.json`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ticket: { tags: ['vip', 'retention_risk'], custom_fields: [{ id: 360000099, value: 'x' }] },
      }),
    })
    expect(put.status).toBe(200)
    const again = (await call(`/api/v2/tickets/${id}.json`)).body as {
      ticket: { tags: string[]; custom_fields: { id: number; value: unknown }[] }
    }
    expect(again.ticket.tags).toEqual(['vip', 'retention_risk'])
    expect(again.ticket.custom_fields).toContainEqual({ id: 360000099, value: 'x' })
    const bad = await call(`/api/v2/tickets/${id}.json`, {
      method: 'PUT',
      body: JSON.stringify({ ticket: { subject: 'renamed' } }),
    })
    expect(bad.status).toBe(422)
    const notJson = await call(`/api/v2/tickets/${id}.json`, { method: 'PUT', body: '{' })
    expect(notJson.status).toBe(400)
  })
})

describe('rate limits', () => {
  it('applies the plan limit per minute of the account clock with Zendesk headers and a text 429', async () => {
    const { account, call } = setup()
    let last = await call('/api/v2/users/me.json')
    expect(last.headers.get('X-Rate-Limit')).toBe('200')
    expect(last.headers.get('X-Rate-Limit-Remaining')).toBe('199')
    for (let i = 1; i < 200; i++) last = await call('/api/v2/users/me.json')
    expect(last.status).toBe(200)
    expect(last.headers.get('X-Rate-Limit-Remaining')).toBe('0')
    const limited = await call('/api/v2/users/me.json')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(limited.text).toBe('Number of allowed API requests per minute exceeded')
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    account.clock.advance(60_000)
    expect((await call('/api/v2/users/me.json')).status).toBe(200)
  })

  it('allows 10 incremental export requests a minute', async () => {
    const { account, call } = setup()
    const url = '/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=5'
    for (let i = 0; i < 10; i++) expect((await call(url)).status).toBe(200)
    const r = await call(url)
    expect(r.status).toBe(429)
    expect(r.text).toContain('incremental export')
    expect((await call('/api/v2/users/me.json')).status).toBe(200)
    account.clock.advance(61_000)
    expect((await call(url)).status).toBe(200)
  })
})

describe('fault injection', () => {
  it('parses specs and rejects bad ones clearly', () => {
    expect(parseFaultSpec('429:0.1,storm:0.01:30,slow:0.2:500@/api/v2/search')).toEqual([
      { kind: '429', rate: 0.1 },
      { kind: 'storm', rate: 0.01, param: 30 },
      { kind: 'slow', rate: 0.2, param: 500, pathPrefix: '/api/v2/search' },
    ])
    expect(() => parseFaultSpec('boom:0.1')).toThrow(/unknown kind 'boom'/)
    expect(() => parseFaultSpec('500:2')).toThrow(/rate/)
    expect(() => parseFaultSpec('slow:0.1:-3')).toThrow(/parameter/)
  })

  it('injects the same faults for the same seed and request sequence', async () => {
    const run = async (): Promise<number[]> => {
      const { call } = setup({ faults: '500:0.1,503:0.1,429:0.1', rateLimits: false })
      const statuses: number[] = []
      for (let i = 0; i < 150; i++) statuses.push((await call('/api/v2/tickets/1.json')).status)
      return statuses
    }
    const a = await run()
    expect(a).toEqual(await run())
    expect(new Set(a)).toEqual(new Set([200, 429, 500, 503]))
  })

  it('produces storms, truncated and malformed bodies, slow responses and timeouts', async () => {
    const { api, call } = setup({ rateLimits: false })
    api.faults.startStorm(3)
    const storm = [
      await call('/api/v2/users/me.json'),
      await call('/api/v2/users/me.json'),
      await call('/api/v2/users/me.json'),
    ]
    expect(storm.map((r) => r.status)).toEqual([429, 429, 429])
    expect((await call('/api/v2/users/me.json')).status).toBe(200)
    api.faults.setRules('truncated:1')
    const truncated = await call('/api/v2/tickets/1.json')
    expect(truncated.status).toBe(200)
    expect(() => JSON.parse(truncated.text) as unknown).toThrow()
    api.faults.setRules('malformed:1')
    const malformed = await call('/api/v2/tickets/1.json')
    expect(() => JSON.parse(malformed.text) as unknown).toThrow()
    api.faults.setRules('slow:1:120')
    const t0 = Date.now()
    expect((await call('/api/v2/tickets/1.json')).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100)
    api.faults.setRules('timeout:1:50')
    expect((await call('/api/v2/tickets/1.json')).status).toBe(504)
    expect(api.log.entries.at(-1)?.fault).toBe('timeout')
  })

  it('deletes a ticket between a list and a show', async () => {
    const { api, call } = setup({ rateLimits: false })
    const list = (await call('/api/v2/tickets/show_many.json?ids=20,21')).body as {
      tickets: unknown[]
    }
    expect(list.tickets).toHaveLength(2)
    api.faults.setRules('vanish:1@/api/v2/tickets/20')
    expect((await call('/api/v2/tickets/20.json')).status).toBe(404)
    api.faults.setRules([])
    expect(
      ((await call('/api/v2/tickets/show_many.json?ids=20,21')).body as { tickets: unknown[] })
        .tickets,
    ).toHaveLength(1)
    const exported = (await call('/api/v2/incremental/tickets/cursor.json?start_time=0')).body as {
      tickets: { id: number; status: string }[]
    }
    expect(exported.tickets.find((t) => t.id === 20)?.status).toBe('deleted')
  })
})

describe('request log and clock', () => {
  it('logs method, path, query, status and duration', async () => {
    const { api, call } = setup()
    await call('/api/v2/tickets/show_many.json?ids=1,2')
    await call('/api/v2/nope')
    expect(api.log.entries).toHaveLength(2)
    expect(api.log.entries[0]).toMatchObject({
      method: 'GET',
      path: '/api/v2/tickets/show_many.json',
      query: 'ids=1,2',
      status: 200,
    })
    expect(api.log.entries[0]?.durationMs).toBeGreaterThanOrEqual(0)
    expect(api.log.count({ status: 404 })).toBe(1)
    expect(api.log.count({ path: '/api/v2/tickets' })).toBe(1)
    api.log.clear()
    expect(api.log.entries).toHaveLength(0)
  })

  it('brings new tickets and progresses open ones as the clock advances', async () => {
    const { account, call } = setup({ rateLimits: false }, 1000)
    const before = account.maxTicketId()
    const openBefore = account
      .tickets()
      .filter((v) => ['new', 'open', 'pending', 'hold'].includes(v.state.status))
      .map((v) => v.lifecycle.id)
    account.clock.advance(3 * 86_400_000)
    expect(account.maxTicketId()).toBeGreaterThan(before)
    const newest = (await call(`/api/v2/tickets/${account.maxTicketId()}.json`)).body as {
      ticket: { created_at: string }
    }
    expect(Date.parse(newest.ticket.created_at)).toBeGreaterThan(account.skeleton.endMs)
    const solvedNow = openBefore.filter((id) =>
      ['solved', 'closed'].includes(account.ticket(id)?.state.status ?? ''),
    )
    expect(solvedNow.length).toBeGreaterThan(0)
    expect(() => account.clock.set(account.skeleton.endMs)).toThrow(/backwards/)
  })

  it('is deterministic in how arrivals are generated, whatever the clock steps', () => {
    const a = createSimAccount({ tickets: 300, seed: 8 })
    const b = createSimAccount({ tickets: 300, seed: 8 })
    a.clock.advance(86_400_000)
    for (let i = 0; i < 24; i++) b.clock.advance(3_600_000)
    expect(a.maxTicketId()).toBe(b.maxTicketId())
    expect(a.ticketJson(a.ticket(a.maxTicketId()) ?? (undefined as never))).toEqual(
      b.ticketJson(b.ticket(b.maxTicketId()) ?? (undefined as never)),
    )
  })
})
