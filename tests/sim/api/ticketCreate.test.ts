// POST /api/v2/tickets and the assignment part of PUT /api/v2/tickets/{id}: validation, roles, rate
// limits and the request log, and a created ticket behaving like every other one (reads, requester
// list, search, incremental export, SLA sideload and metric events as the clock passes).
import { type SimAccount, createSimAccount } from '@sim/account'
import { type SimApiOptions, createSimCore } from '@sim/api/core'
import { policyFor } from '@sim/entities'

const BASE = 'https://retention-radar.zendesk.com'
const AGENT = 10_000_100
const MINUTE = 60_000

type Answer = { status: number; body: Record<string, unknown> }

function setup(options: SimApiOptions = {}, tickets = 1500) {
  const account = createSimAccount({ tickets, seed: 4 })
  const api = createSimCore(account, { rateLimits: false, ...options })
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await api.fetch(
      new Request(`${BASE}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      }),
    )
    const text = await res.text()
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) }
  }
  return { account, api, call }
}

/** An end user of the generated account who requested ticket 1. */
const someRequester = (account: SimAccount): number =>
  Number(account.ticketJson(account.ticket(1) as never).requester_id)

type Ticket = Record<string, unknown> & {
  id: number
  requester_id: number
  slas?: { policy_metrics: { metric: string; stage: string; breach_at: string | null }[] }
}
const ticketOf = (a: Answer): Ticket => a.body.ticket as Ticket
const details = (a: Answer): Record<string, { description: string; error: string }[]> =>
  a.body.details as never

/** A ticket of a generated customer, assigned to agent 1, with this priority; returns its id. */
async function assignedTicket(
  call: ReturnType<typeof setup>['call'],
  account: SimAccount,
  priority: string,
): Promise<number> {
  const created = await call('POST', '/api/v2/tickets', {
    ticket: {
      comment: { body: 'Help' },
      requester_id: someRequester(account),
      assignee_id: AGENT,
      priority,
    },
  })
  expect(created.status).toBe(201)
  return ticketOf(created).id
}

describe('POST /api/v2/tickets', () => {
  it('creates the next ticket for an end user, assigned, with the SLA policy of its priority', async () => {
    const { account, call } = setup()
    const before = account.maxTicketId()
    const requester = someRequester(account)
    const created = await call('POST', '/api/v2/tickets.json?include=slas', {
      ticket: {
        subject: 'Refund <b>now</b>',
        comment: { body: 'I was charged twice.' },
        requester_id: requester,
        assignee_id: AGENT,
        priority: 'urgent',
        type: 'incident',
        tags: ['VIP', 'billing'],
        via: { channel: 'chat' },
      },
    })
    expect(created.status).toBe(201)
    const t = ticketOf(created)
    expect(t).toMatchObject({
      id: before + 1,
      subject: 'Refund <b>now</b>',
      description: 'I was charged twice.',
      requester_id: requester,
      assignee_id: AGENT,
      group_id: 30_000_000,
      priority: 'urgent',
      status: 'open',
      type: 'incident',
      tags: ['vip', 'billing'],
      via: { channel: 'chat' },
    })
    expect(account.maxTicketId()).toBe(before + 1)
    const now = account.clock.now()
    const reply = t.slas?.policy_metrics.find((m) => m.metric === 'first_reply_time')
    expect(reply).toMatchObject({ stage: 'active', hours: 1 })
    expect(Date.parse(String(reply?.breach_at))).toBe(
      Math.floor(now / 1000) * 1000 + policyFor('urgent').reply * MINUTE,
    )
    const wait = t.slas?.policy_metrics.find((m) => m.metric === 'requester_wait_time')
    expect(Date.parse(String(wait?.breach_at))).toBe(
      Math.floor(now / 1000) * 1000 + policyFor('urgent').wait * MINUTE,
    )
  })

  it('is readable like every ticket: by id, in the requester list, search and the incremental export', async () => {
    const { account, call } = setup()
    const requester = someRequester(account)
    const id = ticketOf(
      await call('POST', '/api/v2/tickets', {
        ticket: { comment: { body: 'Lost parcel' }, requester_id: requester },
      }),
    ).id
    expect(ticketOf(await call('GET', `/api/v2/tickets/${id}.json`))).toMatchObject({
      id,
      subject: 'Lost parcel',
      status: 'new',
      priority: 'normal',
      assignee_id: null,
      via: { channel: 'api' },
    })
    const mine = await call('GET', `/api/v2/users/${requester}/tickets/requested.json`)
    expect((mine.body.tickets as Ticket[]).map((t) => t.id)).toContain(id)
    const found = await call(
      'GET',
      `/api/v2/search.json?query=type:ticket%20requester:${requester}`,
    )
    expect((found.body.results as Ticket[]).map((t) => t.id)).toContain(id)
    const start = Math.floor(account.clock.now() / 1000) - 3600
    const page = await call(
      'GET',
      `/api/v2/incremental/tickets/cursor.json?start_time=${start}&include=users`,
    )
    expect((page.body.tickets as Ticket[]).map((t) => t.id)).toContain(id)
    expect((page.body.users as { id: number }[]).map((u) => u.id)).toContain(requester)
  })

  it('breaches as the clock passes the target, in the sideload and the metric event export', async () => {
    const { account, call } = setup()
    const id = await assignedTicket(call, account, 'high')
    const created = account.clock.now()
    const events = () => account.metricEvents().filter((e) => e.ticketId === id)
    expect(events().filter((e) => e.type === 'breach')).toEqual([])
    account.clock.advance(policyFor('high').reply * MINUTE + MINUTE)
    const breach = events().filter((e) => e.type === 'breach')
    expect(breach).toMatchObject([{ metric: 'reply_time', type: 'breach' }])
    expect(breach[0]?.timeMs).toBe(Math.floor(created / 1000) * 1000 + 240 * MINUTE)
    const exported = await call(
      'GET',
      `/api/v2/incremental/ticket_metric_events.json?start_time=${Math.floor(created / 1000)}`,
    )
    const mine = (exported.body.ticket_metric_events as { ticket_id: number; type: string }[])
      .filter((e) => e.ticket_id === id)
      .map((e) => e.type)
    expect(mine).toContain('breach')
    const sla = ticketOf(await call('GET', `/api/v2/tickets/${id}.json?include=slas`)).slas
    expect(sla?.policy_metrics.find((m) => m.metric === 'first_reply_time')).toMatchObject({
      stage: 'active',
      minutes: -1,
    })
  })

  it('stops the SLA clocks once the ticket is solved through the API', async () => {
    const { account, call } = setup()
    const id = await assignedTicket(call, account, 'urgent')
    account.clock.advance(10 * MINUTE)
    expect(
      (await call('PUT', `/api/v2/tickets/${id}`, { ticket: { status: 'solved' } })).status,
    ).toBe(200)
    account.clock.advance(600 * MINUTE)
    const t = ticketOf(await call('GET', `/api/v2/tickets/${id}.json?include=slas`))
    expect(t.status).toBe('solved')
    expect(t.slas?.policy_metrics.map((m) => m.stage)).toEqual(['achieved', 'achieved'])
    const types = account
      .metricEvents()
      .filter((e) => e.ticketId === id)
      .map((e) => e.type)
    expect(types).not.toContain('breach')
    expect(types.filter((x) => x === 'fulfill')).toHaveLength(4)
    const metrics = await call('GET', `/api/v2/tickets/${id}/metrics.json`)
    expect(metrics.body.ticket_metric).toMatchObject({
      full_resolution_time_in_minutes: { calendar: 10 },
    })
  })

  it('answers with the Location of the new ticket', async () => {
    const { account, api } = setup()
    const res = await api.fetch(
      new Request(`${BASE}/api/v2/tickets.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ticket: { comment: { body: 'x' }, requester_id: someRequester(account) },
        }),
      }),
    )
    expect(res.status).toBe(201)
    const { ticket } = (await res.json()) as { ticket: Ticket }
    expect(res.headers.get('Location')).toBe(`${BASE}/api/v2/tickets/${ticket.id}.json`)
  })

  it('takes a public comment by an agent as the first reply: that target is met, the wait runs on', async () => {
    const { account, call } = setup()
    const id = await assignedTicket(call, account, 'urgent')
    account.clock.advance(15 * MINUTE)
    const internal = await call('PUT', `/api/v2/tickets/${id}`, {
      ticket: { comment: { body: 'Looking into it', public: false } },
    })
    expect(internal.status).toBe(200)
    let sla = ticketOf(await call('GET', `/api/v2/tickets/${id}?include=slas`)).slas
    expect(sla?.policy_metrics.map((m) => m.stage)).toEqual(['active', 'active'])
    await call('PUT', `/api/v2/tickets/${id}`, { ticket: { comment: { body: 'On it!' } } })
    account.clock.advance(120 * MINUTE)
    sla = ticketOf(await call('GET', `/api/v2/tickets/${id}?include=slas`)).slas
    expect(sla?.policy_metrics.map((m) => [m.metric, m.stage])).toEqual([
      ['first_reply_time', 'achieved'],
      ['requester_wait_time', 'active'],
    ])
    const metrics = await call('GET', `/api/v2/tickets/${id}/metrics`)
    expect(metrics.body.ticket_metric).toMatchObject({
      replies: 1,
      reply_time_in_minutes: { calendar: 15 },
    })
    const blank = await call('PUT', `/api/v2/tickets/${id}`, { ticket: { comment: { body: ' ' } } })
    expect(details(blank).comment?.[0]?.error).toBe('BlankValue')
  })

  it('finds the requester by email, or creates one; a name alone makes an anonymous requester', async () => {
    const { account, call } = setup()
    const known = someRequester(account)
    const email = String(account.userJson(known)?.email)
    const byEmail = ticketOf(
      await call('POST', '/api/v2/tickets', {
        ticket: {
          comment: { body: 'x' },
          requester: { name: 'Ignored', email: email.toUpperCase() },
        },
      }),
    )
    expect(byEmail.requester_id).toBe(known)
    const users = account.userIds().length
    const fresh = ticketOf(
      await call('POST', '/api/v2/tickets', {
        ticket: { comment: { body: 'x' }, requester: { email: 'new.person@example.org' } },
      }),
    )
    expect(account.userJson(fresh.requester_id)).toMatchObject({
      name: 'new.person',
      email: 'new.person@example.org',
      role: 'end-user',
      verified: false,
    })
    const anonymous = ticketOf(
      await call('POST', '/api/v2/tickets', {
        ticket: {
          comment: { body: 'Voicemail' },
          requester: { name: 'Caller +1 (555) 010-0100', phone: '+1 (555) 010-0100' },
          via: { channel: 'voice' },
        },
      }),
    )
    expect(account.userJson(anonymous.requester_id)).toMatchObject({
      name: 'Caller +1 (555) 010-0100',
      email: null,
      phone: '+1 (555) 010-0100',
      verified: false,
    })
    expect(account.userIds()).toHaveLength(users + 2)
    const theirs = await call('GET', `/api/v2/users/${anonymous.requester_id}/tickets/requested`)
    expect((theirs.body.tickets as Ticket[]).map((t) => t.id)).toEqual([anonymous.id])
  })

  it('answers every validation failure at once, naming the attribute, and creates nothing', async () => {
    const { account, call } = setup()
    const tickets = account.maxTicketId()
    const users = account.userIds().length
    const bad = await call('POST', '/api/v2/tickets', {
      ticket: {
        comment: { body: '  ' },
        requester: { name: 'Eve', email: 'not-an-email' },
        assignee_id: someRequester(account),
        group_id: 123,
        priority: 'asap',
        status: 'closed',
        type: 'chore',
        tags: ['two words'],
        via: { channel: 'pigeon' },
      },
    })
    expect(bad.status).toBe(422)
    expect(bad.body).toMatchObject({
      error: 'RecordInvalid',
      description: 'Record validation errors',
    })
    const d = details(bad)
    expect(Object.keys(d).sort()).toEqual(
      [
        'assignee_id',
        'base',
        'group_id',
        'priority',
        'requester',
        'status',
        'tags',
        'type',
        'via',
      ].sort(),
    )
    expect(d.base?.[0]?.description).toMatch(/Description: cannot be blank/)
    expect(d.requester?.[0]?.description).toBe('Email: "not-an-email" is not properly formatted')
    expect(d.priority?.[0]?.description).toBe(
      'priority: "asap" is not one of low, normal, high, urgent',
    )
    expect(d.assignee_id?.[0]?.description).toMatch(/is not an agent of this account/)
    expect(account.maxTicketId()).toBe(tickets)
    expect(account.userIds()).toHaveLength(users)
  })

  it('refuses unknown attributes, a missing requester, both requester forms, solved without assignee', async () => {
    const { account, call } = setup()
    const r = someRequester(account)
    const unknown = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: r, due_at: '2026-11-02' },
    })
    expect(unknown.status).toBe(422)
    expect(String(unknown.body.description)).toContain('(got due_at)')
    expect(
      details(await call('POST', '/api/v2/tickets', { ticket: { comment: { body: 'x' } } })),
    ).toHaveProperty('requester')
    const both = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: r, requester: { name: 'A' } },
    })
    expect(details(both).requester?.[0]?.description).toBe(
      'Give requester_id or requester, not both',
    )
    const solved = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: r, status: 'solved' },
    })
    expect(details(solved).status?.[0]?.error).toBe('AssigneeRequired')
    const wrongGroup = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: r, assignee_id: AGENT, group_id: 30_000_001 },
    })
    expect(details(wrongGroup).assignee_id?.[0]?.description).toBe(
      `assignee_id: ${AGENT} is not a member of group 30000001`,
    )
    expect((await call('POST', '/api/v2/tickets', { nope: {} })).status).toBe(400)
  })

  it('checks custom field values against the account fields', async () => {
    const { account, call } = setup()
    const ok = ticketOf(
      await call('POST', '/api/v2/tickets', {
        ticket: {
          comment: { body: 'x' },
          requester_id: someRequester(account),
          custom_fields: [{ id: 360000001, value: 'billing' }],
        },
      }),
    )
    expect(ok.custom_fields).toEqual([{ id: 360000001, value: 'billing' }])
    const bad = await call('POST', '/api/v2/tickets', {
      ticket: {
        comment: { body: 'x' },
        requester_id: someRequester(account),
        custom_fields: [{ id: 360000001, value: 'nonsense' }],
      },
    })
    expect(bad.status).toBe(422)
    expect(JSON.stringify(bad.body)).toContain("is not one of the field's options")
  })

  it('lets agents create tickets, refuses end users, counts toward the rate limit and is logged', async () => {
    const agent = setup({ session: 'agent', rateLimits: true })
    const r = someRequester(agent.account)
    const made = await agent.call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: r },
    })
    expect(made.status).toBe(201)
    expect(agent.api.log.count({ method: 'POST', path: '/api/v2/tickets', status: 201 })).toBe(1)
    expect(agent.api.log.entries.at(-1)?.userId).toBe(AGENT)
    expect(
      agent.api.limiter.check(agent.account.clock.now()).headers['X-Rate-Limit-Remaining'],
    ).toBe('698')
    const endUser = setup({ session: 'end-user' })
    const refused = await endUser.call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: r },
    })
    expect(refused.status).toBe(403)
    expect((await endUser.call('POST', '/api/v2/users', { user: { name: 'X' } })).status).toBe(403)
  })

  it('leaves the tickets arriving later as they would have been', async () => {
    const plain = setup().account
    const withCreated = setup()
    await withCreated.call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: someRequester(withCreated.account) },
    })
    const first = plain.maxTicketId() + 1
    for (const a of [plain, withCreated.account]) a.clock.advance(30 * 60 * MINUTE)
    const arrivals = (a: SimAccount, from: number) =>
      a
        .tickets()
        .filter((v) => v.lifecycle.id >= from)
        .map((v) => [v.lifecycle.createdMs, v.lifecycle.requester, v.lifecycle.channel])
    expect(arrivals(plain, first).length).toBeGreaterThan(0)
    expect(arrivals(withCreated.account, first + 1)).toEqual(arrivals(plain, first))
  })
})

describe('PUT /api/v2/tickets/{id}: assignee and group', () => {
  const openTicket = (account: SimAccount): number =>
    account.tickets().find((v) => v.state.status === 'open')?.lifecycle.id ?? 0

  it('reassigns (new assignee, their group) and moves updated_at', async () => {
    const { account, call } = setup()
    const id = openTicket(account)
    const before = ticketOf(await call('GET', `/api/v2/tickets/${id}`))
    const other = before.assignee_id === AGENT ? AGENT + 1 : AGENT
    account.clock.advance(5 * MINUTE)
    const after = ticketOf(
      await call('PUT', `/api/v2/tickets/${id}`, { ticket: { assignee_id: other } }),
    )
    expect(after.assignee_id).toBe(other)
    expect(after.group_id).toBe(account.userJson(other)?.default_group_id)
    expect(Date.parse(String(after.updated_at))).toBeGreaterThan(
      Date.parse(String(before.updated_at)),
    )
  })

  it('a new group keeps the assignee only when they belong to it; null unassigns', async () => {
    const { account, call } = setup()
    const id = openTicket(account)
    const t = ticketOf(await call('GET', `/api/v2/tickets/${id}`))
    const otherGroup = t.group_id === 30_000_000 ? 30_000_001 : 30_000_000
    const moved = ticketOf(
      await call('PUT', `/api/v2/tickets/${id}`, { ticket: { group_id: otherGroup } }),
    )
    expect(moved).toMatchObject({ group_id: otherGroup, assignee_id: null })
    const member = otherGroup === 30_000_000 ? AGENT : AGENT + 1
    await call('PUT', `/api/v2/tickets/${id}`, { ticket: { assignee_id: member } })
    const dropped = ticketOf(
      await call('PUT', `/api/v2/tickets/${id}`, { ticket: { assignee_id: null } }),
    )
    expect(dropped).toMatchObject({ group_id: otherGroup, assignee_id: null })
    const unassigned = await call('PUT', `/api/v2/tickets/${id}`, { ticket: { status: 'solved' } })
    expect(details(unassigned).status?.[0]?.error).toBe('AssigneeRequired')
  })

  it('opens a new ticket once assigned, refuses non-agents and unknown groups, closes for good', async () => {
    const { account, call } = setup()
    const created = ticketOf(
      await call('POST', '/api/v2/tickets', {
        ticket: { comment: { body: 'x' }, requester_id: someRequester(account) },
      }),
    )
    expect(created.status).toBe('new')
    const bad = await call('PUT', `/api/v2/tickets/${created.id}`, {
      ticket: { assignee_id: created.requester_id, group_id: 99 },
    })
    expect(Object.keys(details(bad)).sort()).toEqual(['assignee_id', 'group_id'])
    const assigned = ticketOf(
      await call('PUT', `/api/v2/tickets/${created.id}`, { ticket: { assignee_id: AGENT } }),
    )
    expect(assigned).toMatchObject({ status: 'open', assignee_id: AGENT, group_id: 30_000_000 })
    const metrics = await call('GET', `/api/v2/tickets/${created.id}/metrics`)
    expect(metrics.body.ticket_metric).toMatchObject({ assignee_stations: 1 })
    await call('PUT', `/api/v2/tickets/${created.id}`, { ticket: { assignee_id: AGENT + 1 } })
    const again = await call('GET', `/api/v2/tickets/${created.id}/metrics`)
    expect(again.body.ticket_metric).toMatchObject({ assignee_stations: 2 })
    const closed = ticketOf(
      await call('PUT', `/api/v2/tickets/${created.id}`, { ticket: { status: 'closed' } }),
    )
    expect(closed.status).toBe('closed')
    const refused = await call('PUT', `/api/v2/tickets/${created.id}`, { ticket: { tags: ['x'] } })
    expect(JSON.stringify(refused.body)).toContain('Status: closed prevents ticket update')
  })
})
