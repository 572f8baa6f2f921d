import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

const BASE = 'https://retention-radar.zendesk.com'

type User = { id: number; name: string; role: string; default_group_id?: number }
type Page = {
  users: User[]
  meta?: { has_more: boolean; after_cursor: string | null }
  links?: { next: string | null }
  count?: number
  next_page?: string | null
}

function setup(tickets = 2000, seed = 3) {
  const account = createSimAccount({ tickets, seed })
  const api = createSimCore(account, { rateLimits: false })
  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const res = await api.fetch(new Request(path.startsWith('http') ? path : `${BASE}${path}`))
    return { status: res.status, body: (await res.json()) as unknown }
  }
  return { account, api, get }
}

/** Follows `links.next` until the end; returns every user seen. */
async function walk(get: ReturnType<typeof setup>['get'], first: string): Promise<User[]> {
  const out: User[] = []
  let next: string | null = first
  while (next !== null) {
    const page = (await get(next)).body as Page
    out.push(...page.users)
    next = page.meta?.has_more ? (page.links?.next ?? null) : null
  }
  return out
}

describe('demo team', () => {
  it('has at least 8 agents with distinct names in at least 3 named groups, tickets spread over them', async () => {
    const { account, get } = setup()
    const staff = await walk(get, '/api/v2/users.json?role[]=agent&role[]=admin&page[size]=3')
    const agents = staff.filter((u) => u.role === 'agent')
    expect(agents.length).toBeGreaterThanOrEqual(8)
    expect(staff.filter((u) => u.role === 'admin')).toHaveLength(1)
    expect(new Set(agents.map((a) => a.name)).size).toBe(agents.length)
    const groups = (
      (await get('/api/v2/groups.json')).body as { groups: { id: number; name: string }[] }
    ).groups
    expect(groups.length).toBeGreaterThanOrEqual(3)
    expect(groups.slice(0, 3).map((g) => g.name)).toEqual(['Tier 1', 'Billing', 'Enterprise'])
    // Every agent's default group is a listed group, and every group has agents.
    const groupIds = new Set(groups.map((g) => g.id))
    for (const a of agents) expect(groupIds.has(a.default_group_id ?? -1)).toBe(true)
    expect(new Set(agents.map((a) => a.default_group_id)).size).toBe(groups.length)
    // Assigned tickets use every agent, each within one of the agent's groups.
    const byAgent = new Map<number, number>()
    for (const v of account.tickets()) {
      const t = account.ticketJson(v)
      if (typeof t.assignee_id !== 'number') continue
      byAgent.set(t.assignee_id, (byAgent.get(t.assignee_id) ?? 0) + 1)
      const agent = agents.find((a) => a.id === t.assignee_id)
      expect(agent?.default_group_id).toBe(t.group_id)
    }
    expect(byAgent.size).toBe(agents.length)
  })

  it('is the same for the same seed and differs for another', async () => {
    const names = async (seed: number) =>
      (await walk(setup(500, seed).get, '/api/v2/users.json?role=agent')).map((u) => u.name)
    expect(await names(7)).toEqual(await names(7))
    expect(await names(7)).not.toEqual(await names(8))
  })
})

describe('GET /api/v2/users', () => {
  it('filters by role and pages by cursor without gaps or repeats', async () => {
    const { account, get } = setup(600)
    const endUsers = await walk(get, '/api/v2/users.json?role=end-user&page[size]=100')
    expect(endUsers).toHaveLength(account.skeleton.customerCount)
    expect(new Set(endUsers.map((u) => u.id)).size).toBe(endUsers.length)
    expect(endUsers.every((u) => u.role === 'end-user')).toBe(true)
    const all = await walk(get, '/api/v2/users.json?page[size]=100')
    expect(all).toHaveLength(1 + account.skeleton.agentCount + account.skeleton.customerCount)
  })

  it('pages by offset with count and next_page, and refuses unknown roles and oversized pages', async () => {
    const { get } = setup(600)
    const first = (await get('/api/v2/users.json?role[]=agent&per_page=5')).body as Page
    expect(first.users).toHaveLength(5)
    expect(first.count).toBeGreaterThanOrEqual(8)
    expect(first.next_page).toContain('page=2')
    const bad = await get('/api/v2/users.json?role[]=owner')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain("'owner'")
    expect((await get('/api/v2/users.json?page[size]=101')).status).toBe(400)
  })

  it('is for agents and admins only', async () => {
    const { account, api } = setup(300)
    api.setSession(Number(account.ticketJson(account.tickets()[0]!).requester_id))
    const res = await api.fetch(new Request(`${BASE}/api/v2/users.json`))
    expect(res.status).toBe(403)
    api.setSession('agent')
    expect((await api.fetch(new Request(`${BASE}/api/v2/groups.json`))).status).toBe(200)
  })
})

describe('groups and memberships', () => {
  it('shows one group, 404s an unknown one, and lists one membership per staff member', async () => {
    const { account, get } = setup(600)
    const one = (await get('/api/v2/groups/30000002.json')).body as { group: { name: string } }
    expect(one.group.name).toBe('Enterprise')
    expect((await get('/api/v2/groups/39999999.json')).status).toBe(404)
    const m = (await get('/api/v2/group_memberships.json')).body as {
      group_memberships: { user_id: number; group_id: number }[]
    }
    expect(m.group_memberships).toHaveLength(1 + account.skeleton.agentCount)
    const agent = account.userJson(10_000_104)
    expect(m.group_memberships).toContainEqual(
      expect.objectContaining({ user_id: 10_000_104, group_id: agent?.default_group_id }),
    )
  })

  it('keeps the incremental export sideloads: every requester, submitter, assignee and organization', async () => {
    const { get } = setup(400)
    const page = (
      await get(
        '/api/v2/incremental/tickets/cursor.json?start_time=0&include=users,organizations&per_page=1000',
      )
    ).body as {
      tickets: {
        status: string
        requester_id: number
        assignee_id: number | null
        organization_id: number | null
      }[]
      users: { id: number }[]
      organizations: { id: number }[]
    }
    const users = new Set(page.users.map((u) => u.id))
    const orgs = new Set(page.organizations.map((o) => o.id))
    const live = page.tickets.filter((x) => x.status !== 'deleted')
    const missingUsers = live
      .flatMap((t) => [t.requester_id, t.assignee_id])
      .filter((id): id is number => id !== null && !users.has(id))
    const missingOrgs = live
      .map((t) => t.organization_id)
      .filter((id): id is number => id !== null && !orgs.has(id))
    expect(live.length).toBeGreaterThan(100)
    expect(missingUsers).toEqual([])
    expect(missingOrgs).toEqual([])
    expect(page.users.some((u) => u.id >= 10_000_100 && u.id < 11_000_000)).toBe(true)
  })
})
