import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

const BASE = 'https://retention-radar.zendesk.com'

function setup() {
  const account = createSimAccount({ tickets: 600, seed: 5 })
  const api = createSimCore(account, { rateLimits: false })
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await api.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const unsolved = account
    .tickets()
    .filter((v) => ['new', 'open', 'pending', 'hold'].includes(v.state.status))
    .map((v) => v.lifecycle.id)
  const closed = account.tickets().find((v) => v.state.status === 'closed')?.lifecycle.id ?? 0
  return { account, api, call, unsolved, closed }
}

type Ticket = {
  priority: string
  status: string
  updated_at: string
  custom_fields: { id: number; value: unknown }[]
}

async function scoreField(call: ReturnType<typeof setup>['call']): Promise<number> {
  const created = await call('POST', '/api/v2/ticket_fields.json', {
    ticket_field: { type: 'integer', title: 'Retention priority score' },
  })
  expect(created.status).toBe(201)
  return (created.body.ticket_field as { id: number }).id
}

describe('ticket fields', () => {
  it('lists system fields, the generated topic and order fields, and created ones', async () => {
    const { call } = setup()
    const id = await scoreField(call)
    const list = (await call('GET', '/api/v2/ticket_fields.json')).body.ticket_fields as {
      id: number
      type: string
      title: string
    }[]
    expect(list.map((f) => f.type)).toEqual(
      expect.arrayContaining(['subject', 'status', 'priority', 'tagger', 'text', 'integer']),
    )
    expect(list.find((f) => f.id === id)?.title).toBe('Retention priority score')
    expect((await call('GET', `/api/v2/ticket_fields/${id}.json`)).status).toBe(200)
    expect((await call('GET', '/api/v2/ticket_fields/1.json')).status).toBe(404)
  })

  it('refuses fields without a title or of an unknown type, and only admins create them', async () => {
    const { api, call } = setup()
    const noTitle = await call('POST', '/api/v2/ticket_fields.json', {
      ticket_field: { type: 'integer' },
    })
    expect(noTitle.status).toBe(422)
    expect(JSON.stringify(noTitle.body)).toContain('Title: cannot be blank')
    const badType = await call('POST', '/api/v2/ticket_fields.json', {
      ticket_field: { type: 'subject', title: 'x' },
    })
    expect(JSON.stringify(badType.body)).toContain('Type: \\"subject\\" is not one of')
    api.setSession('agent')
    const denied = await call('POST', '/api/v2/ticket_fields.json', {
      ticket_field: { type: 'text', title: 'x' },
    })
    expect(denied.status).toBe(403)
  })
})

describe('PUT /api/v2/tickets/{id}', () => {
  it('writes an integer score, moves updated_at and hands the ticket to the incremental export again', async () => {
    const { account, call, unsolved } = setup()
    const field = await scoreField(call)
    const id = unsolved[0] ?? 0
    const before = (await call('GET', `/api/v2/tickets/${id}.json`)).body.ticket as Ticket
    account.clock.advance(5 * 60_000)
    const put = await call('PUT', `/api/v2/tickets/${id}.json`, {
      ticket: {
        custom_fields: [{ id: field, value: '87' }],
        priority: 'urgent',
        status: 'pending',
      },
    })
    expect(put.status).toBe(200)
    const after = put.body.ticket as Ticket
    expect(after.custom_fields).toContainEqual({ id: field, value: 87 })
    expect(after).toMatchObject({ priority: 'urgent', status: 'pending' })
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at))
    account.clock.advance(2 * 60_000)
    const since = Math.floor(Date.parse(after.updated_at) / 1000)
    const page = (await call('GET', `/api/v2/incremental/tickets/cursor.json?start_time=${since}`))
      .body as { tickets: ({ id: number } & Ticket)[] }
    expect(page.tickets.find((t) => t.id === id)?.custom_fields).toContainEqual({
      id: field,
      value: 87,
    })
    // Clearing the field removes it from the ticket.
    await call('PUT', `/api/v2/tickets/${id}.json`, {
      ticket: { custom_fields: [{ id: field, value: null }] },
    })
    const cleared = (await call('GET', `/api/v2/tickets/${id}.json`)).body.ticket as Ticket
    expect(cleared.custom_fields.some((f) => f.id === field)).toBe(false)
  })

  it('answers 422 naming the field for bad values, and leaves the ticket as it was', async () => {
    const { call, unsolved } = setup()
    const field = await scoreField(call)
    const id = unsolved[1] ?? 0
    const bad = await call('PUT', `/api/v2/tickets/${id}.json`, {
      ticket: { custom_fields: [{ id: field, value: 'high' }], tags: ['changed'] },
    })
    expect(bad.status).toBe(422)
    expect(JSON.stringify(bad.body)).toContain(
      `Retention priority score: \\"high\\" is not an integer (field ${field})`,
    )
    const topic = await call('PUT', `/api/v2/tickets/${id}.json`, {
      ticket: { custom_fields: [{ id: 360000001, value: 'not_a_topic' }] },
    })
    expect(JSON.stringify(topic.body)).toContain("is not one of the field's options")
    const priority = await call('PUT', `/api/v2/tickets/${id}.json`, {
      ticket: { priority: 'asap' },
    })
    expect(JSON.stringify(priority.body)).toContain(
      'priority: \\"asap\\" is not one of low, normal, high, urgent',
    )
    const status = await call('PUT', `/api/v2/tickets/${id}.json`, { ticket: { status: 'closed' } })
    expect(status.status).toBe(422)
    const still = (await call('GET', `/api/v2/tickets/${id}.json`)).body.ticket as Ticket & {
      tags: string[]
    }
    expect(still.tags).not.toContain('changed')
  })

  it('refuses updates to closed tickets as Zendesk does', async () => {
    const { call, closed } = setup()
    const res = await call('PUT', `/api/v2/tickets/${closed}.json`, { ticket: { tags: ['x'] } })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body)).toContain('Status: closed prevents ticket update')
  })
})
