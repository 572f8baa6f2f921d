import { createSimAccount } from '@sim/account'
import {
  TEAM_LEAD_ROLE,
  currentUser,
  listTickets,
  parseRole,
  roleUserId,
  zafTicket,
} from '@sim/workspace/data'

const account = createSimAccount({ tickets: 300, seed: 3 })

describe('roles', () => {
  it('signs in the admin, a team lead with the custom role, and a plain agent', () => {
    const admin = currentUser(account, 'admin')
    const lead = currentUser(account, 'lead')
    const agent = currentUser(account, 'agent')
    expect(admin).toMatchObject({
      role: 'admin',
      email: 'admin@retention-radar.example',
      customRole: null,
    })
    expect(lead).toMatchObject({
      role: 'agent',
      email: 'agent1@retention-radar.example',
      customRole: TEAM_LEAD_ROLE,
    })
    expect(agent).toMatchObject({
      role: 'agent',
      email: 'agent2@retention-radar.example',
      customRole: null,
    })
    expect(new Set([admin.id, lead.id, agent.id]).size).toBe(3)
    expect(roleUserId(account, 'admin')).toBe(account.adminId)
  })

  it('falls back to admin for an unknown role', () => {
    expect(parseRole('lead')).toBe('lead')
    expect(parseRole('root')).toBe('admin')
    expect(parseRole(undefined)).toBe('admin')
  })
})

describe('zafTicket', () => {
  it('gives the requester in ZAF shape and custom fields under customField keys', () => {
    const view = account.ticket(1)
    if (!view) throw new Error('no ticket 1')
    const ticket = zafTicket(account, view)
    const json = account.ticketJson(view)
    expect(ticket.id).toBe(1)
    expect(ticket.requester).toMatchObject({ id: json.requester_id, role: 'end-user' })
    expect((ticket.requester as { email: string }).email).toMatch(/@customer\.example$/)
    for (const f of json.custom_fields as { id: number; value: unknown }[]) {
      expect(ticket[`customField:custom_field_${f.id}`]).toEqual(f.value)
    }
  })
})

describe('listTickets', () => {
  it('pages unsolved tickets, most recently updated first', () => {
    const { total, rows } = listTickets(account, { limit: 5 })
    expect(rows.length).toBeLessThanOrEqual(5)
    expect(total).toBeGreaterThanOrEqual(rows.length)
    for (const r of rows) expect(['new', 'open', 'pending', 'hold']).toContain(r.status)
    const times = rows.map((r) => r.updatedAt)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('sorts by the score field once a score is written', () => {
    const field = 360_009_999
    account.updateTicket(7, { customFields: [{ id: field, value: 88 }] })
    account.updateTicket(9, { customFields: [{ id: field, value: 12 }] })
    const { rows } = listTickets(account, {
      sort: 'score',
      scope: 'all',
      limit: 3,
      scoreFieldId: field,
    })
    expect(rows.map((r) => [r.id, r.score])).toEqual([
      [7, 88],
      [9, 12],
      [expect.any(Number), null],
    ])
  })
})
