// The team's names: groups and agents listed with cursor pagination against the simulator, and
// the repeated `role[]` query Zendesk expects.
import { createSimAccount } from '@sim/account'
import { createSimCore } from '@sim/api/core'

import {
  buildPath,
  createZendeskClient,
  cursorPages,
  fetchGroupsPage,
  fetchTeamUsersPage,
} from '@/zendesk/api'
import { createGovernor } from '@/zendesk/governor'
import { createSimTransport, simTimer } from '../support/simTransport'

const account = createSimAccount({ tickets: 200, seed: 5 })

function client() {
  const core = createSimCore(account, { rateLimits: true })
  return {
    core,
    client: createZendeskClient(
      createGovernor(createSimTransport(core), { timer: simTimer(account) }),
    ),
  }
}

describe('groups and agents', () => {
  it('repeats a list-valued query key', () => {
    expect(buildPath('/api/v2/users.json', { 'role[]': ['agent', 'admin'], 'page[size]': 2 })).toBe(
      '/api/v2/users.json?role%5B%5D=agent&role%5B%5D=admin&page%5Bsize%5D=2',
    )
  })

  it('lists every group once with its name, page by page', async () => {
    const { client: c, core } = client()
    const names: string[] = []
    for await (const page of cursorPages(
      (after) => fetchGroupsPage(c, { pageSize: 2, ...(after !== undefined ? { after } : {}) }),
      'GET /api/v2/groups.json',
    ))
      names.push(...page.groups.map((g) => g.name))
    expect(names.length).toBeGreaterThanOrEqual(3)
    expect(new Set(names).size).toBe(names.length)
    expect(names.every((n) => n.length > 0)).toBe(true)
    expect(core.log.count({ path: '/api/v2/groups' })).toBeGreaterThanOrEqual(2)
  })

  it('lists agents and admins only, with their names', async () => {
    const { client: c, core } = client()
    const users: { name: string; role?: string | undefined }[] = []
    for await (const page of cursorPages(
      (after) => fetchTeamUsersPage(c, { pageSize: 3, ...(after !== undefined ? { after } : {}) }),
      'GET /api/v2/users.json',
    ))
      users.push(...page.users)
    expect(users.length).toBeGreaterThanOrEqual(8)
    expect(users.every((u) => u.role === 'agent' || u.role === 'admin')).toBe(true)
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length)
    expect(core.log.entries[0]?.query).toContain('role%5B%5D=agent&role%5B%5D=admin')
  })
})
