import { customerDataset, CustomerDatasetBuilder } from '@/zendesk/customers'
import { generateExportPages } from '@sim/export'
import { exportPage, zendeskMetricSet, zendeskTicket } from '../../support/fixtures/ticketBuilder'

const user = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  role: 'end-user',
  created_at: '2023-05-01T00:00:00Z',
  organization_id: 9001,
  tags: ['vip_gold'],
  user_fields: { lifetime_value: 3000, total_orders: 12, last_order_at: '2024-02-01T00:00:00Z' },
  ...extra,
})
const org = {
  id: 9001,
  name: 'Acme',
  tags: ['growth'],
  organization_fields: { plan: 'growth', annual_revenue: 2e6 },
}

describe('customerDataset', () => {
  it('joins users with their organization and tickets with tags and priority', () => {
    const t = zendeskTicket({
      id: 1,
      requester_id: 5001,
      tags: ['Billing', 'vip_gold'],
      priority: 'high',
    })
    const page = {
      ...exportPage([t], [zendeskMetricSet(1)], true),
      users: [user(5001)],
      organizations: [org],
    }
    const d = customerDataset([page])
    expect(d.profiles.get(5001)).toEqual({
      id: 5001,
      createdAt: Date.parse('2023-05-01T00:00:00Z'),
      tags: ['vip_gold'],
      fields: { lifetime_value: 3000, total_orders: 12, last_order_at: '2024-02-01T00:00:00Z' },
      organization: { id: 9001, tags: ['growth'], fields: { plan: 'growth', annual_revenue: 2e6 } },
    })
    expect(d.tickets).toHaveLength(1)
    expect(d.tickets[0]).toMatchObject({
      tags: ['billing', 'vip_gold'],
      priority: 'high',
      ticket: { id: 1, requesterId: 5001, replies: 1 },
    })
  })

  it('joins an organization that arrives on a later page', () => {
    const b = new CustomerDatasetBuilder()
    b.addPage({ tickets: [], users: [user(5001)] })
    b.addPage({ tickets: [], organizations: [org] })
    expect(b.result().profiles.get(5001)?.organization?.id).toBe(9001)
  })

  it('keeps the newest version of a ticket whatever the page order', () => {
    const newer = zendeskTicket({ id: 3, updated_at: '2024-03-05T10:00:00Z', priority: 'urgent' })
    const older = zendeskTicket({ id: 3, updated_at: '2024-03-04T10:00:00Z', priority: 'low' })
    const d = customerDataset([exportPage([newer], []), exportPage([older], [])])
    expect(d.tickets.map((t) => t.priority)).toEqual(['urgent'])
    expect(d.customerReasons.olderTicketVersion).toBe(1)
  })

  describe('edge cases', () => {
    it('counts bad users, organizations, tags, fields and priorities instead of throwing', () => {
      const t = zendeskTicket({ id: 4, tags: 'a b' as unknown as string[], priority: 'asap' })
      const t2 = zendeskTicket({ id: 5, tags: [1, 'ok'] as unknown as string[] })
      const d = customerDataset([
        {
          ...exportPage([t, t2, { bogus: true } as never], []),
          users: [
            null,
            { id: -1 },
            user(6, { user_fields: { x: { nested: 1 } }, organization_id: 777 }),
          ],
          organizations: ['nope'],
        },
        'not a page',
        null,
      ])
      expect(d.tickets.map((x) => x.tags)).toEqual([['a', 'b'], ['ok']])
      expect(d.tickets[0]?.priority).toBeNull()
      expect(d.profiles.get(6)).toMatchObject({ fields: {}, organization: null })
      expect(d.customerReasons).toEqual({
        invalidUser: 2,
        invalidOrganization: 1,
        invalidFields: 1,
        invalidTags: 1,
        unknownPriority: 1,
        unknownOrganization: 1,
      })
      expect(d.ticketReasons.invalidId).toBe(1)
    })

    it('gives an end-user-view user empty tags and fields', () => {
      const d = customerDataset([{ tickets: [], users: [{ id: 8, name: 'x', role: 'end-user' }] }])
      expect(d.profiles.get(8)).toEqual({
        id: 8,
        createdAt: null,
        tags: [],
        fields: {},
        organization: null,
      })
    })
  })

  it('reads the simulator export exactly as Zendesk returns it', () => {
    const d = customerDataset(generateExportPages({ tickets: 300, seed: 7, perPage: 100 }))
    expect(d.tickets).toHaveLength(300)
    const requesters = new Set(d.tickets.map((t) => t.ticket.requesterId))
    for (const id of requesters) expect(d.profiles.has(id as number)).toBe(true)
    const withValue = [...d.profiles.values()].filter(
      (p) => typeof p.fields.lifetime_value === 'number',
    )
    expect(withValue.length).toBeGreaterThan(50)
    expect(d.tickets.every((t) => t.priority !== null)).toBe(true)
    expect(d.customerReasons).toEqual({})
  })
})
