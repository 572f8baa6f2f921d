// POST /api/v2/users, PUT and DELETE /api/v2/users/{id}: validation, roles, suspension (no sign-in),
// soft deletion (readable with active: false, tickets keep their requester, email free again), and the
// requesters by VIP tier that tests use for Gold and Platinum customers.
import { type SimAccount, createSimAccount } from '@sim/account'
import { type SimApiOptions, createSimCore } from '@sim/api/core'
import { requestersByTier } from '@sim/tiers'
import { tierThresholdsFromDistribution } from '@/core/customer/tierThresholds'

const BASE = 'https://retention-radar.zendesk.com'
const AGENT = 10_000_100

type Answer = { status: number; body: Record<string, unknown> }
type User = Record<string, unknown> & { id: number }

function setup(options: SimApiOptions = {}) {
  const account = createSimAccount({ tickets: 1500, seed: 6 })
  const api = createSimCore(account, { rateLimits: false, ...options })
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    auth?: string,
  ): Promise<Answer> => {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (auth !== undefined) headers.Authorization = `Basic ${Buffer.from(auth).toString('base64')}`
    const res = await api.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    return { status: res.status, body: (await res.json()) as Answer['body'] }
  }
  return { account, api, call }
}

const userOf = (a: Answer): User => a.body.user as User
const details = (a: Answer): Record<string, { description: string; error: string }[]> =>
  a.body.details as never

/** A new end user through the API. */
async function newUser(call: ReturnType<typeof setup>['call'], user: Record<string, unknown>) {
  const a = await call('POST', '/api/v2/users.json', { user })
  expect(a.status).toBe(201)
  return userOf(a)
}

describe('POST /api/v2/users', () => {
  it('creates an end user who is listed, searchable and readable', async () => {
    const { account, call } = setup()
    const u = await newUser(call, {
      name: 'Bea Buyer',
      email: 'Bea@Buyer.example',
      phone: '+34 600 000 000',
      verified: true,
      tags: ['Wholesale'],
      external_id: 'crm-17',
      user_fields: {
        lifetime_value: 52000,
        total_orders: 40,
        last_order_at: '2026-10-01T00:00:00Z',
      },
    })
    expect(u).toMatchObject({
      name: 'Bea Buyer',
      email: 'bea@buyer.example',
      phone: '+34 600 000 000',
      role: 'end-user',
      verified: true,
      active: true,
      suspended: false,
      tags: ['wholesale'],
      external_id: 'crm-17',
      user_fields: { lifetime_value: 52000, total_orders: 40 },
    })
    expect(userOf(await call('GET', `/api/v2/users/${u.id}.json`))).toEqual(u)
    expect(account.userIdByEmail('bea@buyer.example')).toBe(u.id)
    const search = await call(
      'GET',
      '/api/v2/search.json?query=type:user%20email:bea@buyer.example',
    )
    expect((search.body.results as User[]).map((r) => r.id)).toEqual([u.id])
    const list = await call('GET', '/api/v2/users.json?role=end-user&page[size]=100&sort=-id')
    expect(list.status).toBe(200)
    expect(account.userIds(new Set(['end-user'])).at(-1)).toBe(u.id)
  })

  it('creates an anonymous end user from a name alone (email null, unverified)', async () => {
    const { call } = setup()
    const u = await newUser(call, { name: 'Visitor 48213' })
    expect(u).toMatchObject({ name: 'Visitor 48213', email: null, verified: false })
    expect(u).not.toHaveProperty('phone')
  })

  it('answers every validation failure at once and creates nobody', async () => {
    const { account, call } = setup()
    const users = account.userIds().length
    const taken = String(account.userJson(account.userIds(new Set(['end-user']))[0] ?? 0)?.email)
    const bad = await call('POST', '/api/v2/users.json', {
      user: {
        name: ' ',
        email: taken,
        phone: 'call me',
        role: 'agent',
        verified: 'yes',
        user_fields: { lifetime_value: -5, total_orders: 1.5, shoe_size: 42 },
      },
    })
    expect(bad.status).toBe(422)
    const d = details(bad)
    expect(Object.keys(d).sort()).toEqual(
      ['email', 'name', 'phone', 'role', 'user_fields', 'verified'].sort(),
    )
    expect(d.email?.[0]).toEqual({
      description: `Email: ${taken} is already being used by another user`,
      error: 'DuplicateValue',
    })
    expect(d.name?.[0]?.error).toBe('BlankValue')
    expect(d.user_fields?.map((x) => x.description)).toEqual([
      'user_fields.lifetime_value: -5 is not a number ≥ 0',
      'user_fields.total_orders: 1.5 is not a whole number ≥ 0',
      'user_fields.shoe_size: no such user field (lifetime_value, total_orders, last_order_at)',
    ])
    const format = await call('POST', '/api/v2/users.json', { user: { name: 'A', email: 'a@b' } })
    expect(details(format).email?.[0]?.description).toBe('Email: "a@b" is not properly formatted')
    const unknown = await call('POST', '/api/v2/users.json', { user: { name: 'A', locale: 'fr' } })
    expect(unknown.status).toBe(422)
    expect(String(unknown.body.description)).toContain('(got locale)')
    expect(account.userIds()).toHaveLength(users)
  })
})

describe('PUT /api/v2/users/{id}', () => {
  it('renames and suspends; a suspended user cannot sign in; unsuspending lets them back', async () => {
    const { account, call } = setup({ requireAuth: true })
    const admin = `${account.adminEmail}/token:${account.apiToken}`
    const created = await call(
      'POST',
      '/api/v2/users.json',
      { user: { name: 'Sam', email: 'sam@example.org' } },
      admin,
    )
    const id = userOf(created).id
    const me = `sam@example.org/token:${account.apiToken}`
    expect((await call('GET', '/api/v2/users/me.json', undefined, me)).status).toBe(200)
    const suspended = userOf(
      await call(
        'PUT',
        `/api/v2/users/${id}.json`,
        { user: { suspended: true, name: 'Sam S.' } },
        admin,
      ),
    )
    expect(suspended).toMatchObject({ id, name: 'Sam S.', suspended: true, active: true })
    expect((await call('GET', '/api/v2/users/me.json', undefined, me)).status).toBe(401)
    await call('PUT', `/api/v2/users/${id}.json`, { user: { suspended: false } }, admin)
    expect((await call('GET', '/api/v2/users/me.json', undefined, me)).status).toBe(200)
  })

  it('changes a generated customer too (fields merged, null clears), with checks', async () => {
    const { account, call } = setup()
    const id = account.userIds(new Set(['end-user']))[3] ?? 0
    const before = account.userJson(id)?.user_fields as Record<string, unknown>
    const after = userOf(
      await call('PUT', `/api/v2/users/${id}`, {
        user: { user_fields: { lifetime_value: 99999, last_order_at: null } },
      }),
    )
    expect(after.user_fields).toEqual({ lifetime_value: 99999, total_orders: before.total_orders })
    const bad = await call('PUT', `/api/v2/users/${id}`, { user: { suspended: 'no', name: '' } })
    expect(Object.keys(details(bad)).sort()).toEqual(['name', 'suspended'])
    const owner = await call('PUT', `/api/v2/users/${account.adminId}`, {
      user: { suspended: true },
    })
    expect(details(owner).suspended?.[0]?.description).toBe('The account owner cannot be suspended')
    expect((await call('PUT', '/api/v2/users/99', { user: { name: 'X' } })).status).toBe(404)
  })

  it('lets agents change end users but not other agents', async () => {
    const { account, call } = setup({ session: 'agent' })
    const customer = account.userIds(new Set(['end-user']))[0] ?? 0
    expect((await call('PUT', `/api/v2/users/${customer}`, { user: { name: 'N' } })).status).toBe(
      200,
    )
    expect((await call('PUT', `/api/v2/users/${AGENT + 1}`, { user: { name: 'N' } })).status).toBe(
      403,
    )
  })
})

describe('DELETE /api/v2/users/{id}', () => {
  /** A new end user with one ticket, closed through the API. */
  async function requesterWithClosedTicket(call: ReturnType<typeof setup>['call']) {
    const user = await newUser(call, { name: 'Dana', email: 'dana@example.org' })
    const ticket = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: user.id, assignee_id: AGENT },
    })
    const ticketId = (ticket.body.ticket as { id: number }).id
    return { user, ticketId }
  }

  it('refuses while the user requested tickets that are not closed, naming them', async () => {
    const { call } = setup()
    const { user, ticketId } = await requesterWithClosedTicket(call)
    const refused = await call('DELETE', `/api/v2/users/${user.id}`)
    expect(refused.status).toBe(422)
    expect(details(refused).base?.[0]).toEqual({
      description: `User ${user.id} is the requester of tickets that are not closed (${ticketId}); close them first`,
      error: 'RequesterHasOpenTickets',
    })
  })

  it('soft deletes: readable with active false, gone from lists and search, tickets keep it', async () => {
    const { account, call } = setup()
    const { user, ticketId } = await requesterWithClosedTicket(call)
    await call('PUT', `/api/v2/tickets/${ticketId}`, { ticket: { status: 'closed' } })
    const deleted = await call('DELETE', `/api/v2/users/${user.id}`)
    expect(deleted.status).toBe(200)
    expect(userOf(deleted)).toMatchObject({ id: user.id, name: 'Dana', active: false })
    expect(userOf(await call('GET', `/api/v2/users/${user.id}`))).toMatchObject({ active: false })
    const t = await call('GET', `/api/v2/tickets/${ticketId}?include=users`)
    expect((t.body.ticket as { requester_id: number }).requester_id).toBe(user.id)
    expect((t.body.users as User[]).find((u) => u.id === user.id)).toMatchObject({ active: false })
    expect(account.userIds()).not.toContain(user.id)
    const search = await call('GET', '/api/v2/search.json?query=type:user%20name:Dana')
    expect((search.body.results as User[]).map((u) => u.id)).not.toContain(user.id)
    expect((await call('DELETE', `/api/v2/users/${user.id}`)).status).toBe(404)
    expect((await call('PUT', `/api/v2/users/${user.id}`, { user: { name: 'D' } })).status).toBe(
      404,
    )
    // The email is free: a new ticket from it makes a new user.
    const again = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester: { name: 'Dana', email: 'dana@example.org' } },
    })
    expect((again.body.ticket as { requester_id: number }).requester_id).not.toBe(user.id)
    const reuse = await call('POST', '/api/v2/tickets', {
      ticket: { comment: { body: 'x' }, requester_id: user.id },
    })
    expect(details(reuse).requester_id?.[0]?.description).toBe(
      `requester_id: user ${user.id} is deleted`,
    )
  })

  it('deletes end users only: agents and the owner stay', async () => {
    const { account, call } = setup()
    const agent = await call('DELETE', `/api/v2/users/${AGENT}`)
    expect(details(agent).base?.[0]?.description).toMatch(/deletes end users only/)
    expect((await call('DELETE', `/api/v2/users/${account.adminId}`)).status).toBe(422)
  })
})

describe('requesters by VIP tier', () => {
  /** The app's percentile thresholds over the customers it syncs (requesters of tickets). */
  function thresholds(account: SimAccount) {
    const values: number[] = []
    const s = account.skeleton
    for (let c = 0; c < s.customerCount; c++)
      if ((s.customerTicketCount[c] ?? 0) > 0) values.push(s.customerValue[c] ?? 0)
    const t = tierThresholdsFromDistribution(values)
    if (!t) throw new Error('no thresholds')
    return t
  }

  it('returns requesters inside each tier of the app, active and with tickets', () => {
    const account = createSimAccount({ tickets: 20000, seed: 1 })
    const t = thresholds(account)
    const value = (id: number) =>
      Number((account.userJson(id)?.user_fields as never)['lifetime_value'])
    const band = {
      platinum: (v: number) => v >= t.platinum,
      gold: (v: number) => v >= t.gold && v < t.platinum,
      silver: (v: number) => v >= t.silver && v < t.gold,
      standard: (v: number) => v < t.silver,
    }
    for (const tier of ['platinum', 'gold', 'silver', 'standard'] as const) {
      const picks = requestersByTier(account, tier, 5)
      expect(picks).toHaveLength(5)
      for (const p of picks) {
        expect(band[tier](value(p.id))).toBe(true)
        expect(p.lifetimeValue).toBe(value(p.id))
        expect(account.ticketIdsOfRequester(p.id).length).toBeGreaterThan(0)
      }
    }
  })

  it('skips suspended and deleted users', () => {
    const account = createSimAccount({ tickets: 1500, seed: 6 })
    const [first, second] = requestersByTier(account, 'gold', 2)
    account.people.change(first?.id ?? 0, { suspended: true })
    expect(requestersByTier(account, 'gold', 1)[0]?.id).toBe(second?.id)
  })
})
